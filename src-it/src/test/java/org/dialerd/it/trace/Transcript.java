package org.dialerd.it.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One golden transcript file of testdata/eccp-traces: connections, each a list of cases,
 * each case the bytes sent and the bytes the reference answered (see that folder's README
 * for the format).
 */
public record Transcript(String name, List<Connection> connections) {

    public record Connection(String note, List<Case> cases) {}

    /**
     * @param request bytes to send (UTF-8)
     * @param expected bytes expected back; empty when the reference sent nothing
     * @param serverCloses whether the reference closed the connection after answering
     */
    public record Case(String description, String request, String expected, boolean serverCloses) {}

    public static Transcript read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Connection> connections = new ArrayList<>();
        List<Case> cases = null;
        String description = "";
        String request = null;
        StringBuilder expected = null;
        for (String line : lines) {
            if (expected != null) {
                // A response block ends with the line carrying the literal final "\n".
                if (line.endsWith("\\n")) {
                    expected.append(line, 0, line.length() - 2).append('\n');
                    cases.add(new Case(description, request, expected.toString(), false));
                    request = null;
                    expected = null;
                } else {
                    expected.append(line).append('\n');
                }
                continue;
            }
            if (line.startsWith("--- new connection")) {
                flushUnanswered(cases, description, request);
                request = null;
                cases = new ArrayList<>();
                connections.add(new Connection(line.substring(4), cases));
            } else if (line.startsWith("--- server closed the connection")) {
                Case last = cases.remove(cases.size() - 1);
                cases.add(new Case(last.description(), last.request(), last.expected(), true));
            } else if (line.startsWith("--- (no bytes received")) {
                cases.add(new Case(description, request, "", false));
                request = null;
            } else if (line.startsWith("### ")) {
                flushUnanswered(cases, description, request);
                request = null;
                description = line.substring(4);
            } else if (line.startsWith(">>> ")) {
                if (cases == null) {
                    throw new IOException(file + ": request before the first connection");
                }
                flushUnanswered(cases, description, request);
                request = line.substring(4).replace("\\n", "\n");
            } else if (line.startsWith("<<< ")) {
                expected = new StringBuilder();
                String first = line.substring(4);
                if (first.endsWith("\\n")) {
                    expected.append(first, 0, first.length() - 2).append('\n');
                    cases.add(new Case(description, request, expected.toString(), false));
                    request = null;
                    expected = null;
                } else {
                    expected.append(first).append('\n');
                }
            }
        }
        flushUnanswered(cases, description, request);
        return new Transcript(file.getFileName().toString().replaceFirst("\\.txt$", ""), List.copyOf(connections));
    }

    private static void flushUnanswered(List<Case> cases, String description, String request) {
        if (request != null && cases != null) {
            cases.add(new Case(description, request, "", false));
        }
    }

    public int caseCount() {
        return connections.stream().mapToInt(c -> c.cases().size()).sum();
    }
}
