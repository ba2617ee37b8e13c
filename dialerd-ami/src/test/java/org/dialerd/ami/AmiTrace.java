package org.dialerd.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.testdata.TestData;

/**
 * A recording of testdata/ami-traces (format in its README): what a client sent, and what it
 * received, cut into one segment per TCP connection.
 */
final class AmiTrace {

    /** What one TCP connection received (banner left out), and whether the server ended it. */
    record Segment(List<AmiPacket> received, boolean closedByServer) {
        List<AmiPacket> events() {
            return received.stream().filter(AmiPacket::isEvent).toList();
        }
    }

    private final String name;
    private final List<AmiPacket> sent = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    private AmiTrace(String name) {
        this.name = name;
    }

    /** Loads {@code ami-traces/<prefix>-*.txt} of the repository's test data; fails when it is missing. */
    static AmiTrace load(String prefix) {
        Path file = TestData.amiTrace(prefix);
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTrace parse(String name, List<String> lines) {
        AmiTrace trace = new AmiTrace(name);
        List<AmiPacket> received = new ArrayList<>();
        String lastSent = "";
        int i = 0;
        while (i < lines.size()) {
            String header = lines.get(i++);
            if (!header.startsWith("### +")) {
                continue;
            }
            String[] parts = header.split(" ", 4);
            String kind = parts.length > 2 ? parts[2] : "";
            String rest = parts.length > 3 ? parts[3] : "";
            List<String> body = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("### +")) {
                body.add(lines.get(i++));
            }
            switch (kind) {
                case "RECV" -> {
                    List<String> packet = body.stream().filter(l -> !l.isEmpty()).toList();
                    if (!rest.equals("banner") && !packet.isEmpty()) {
                        received.add(new AmiPacket(packet));
                    }
                }
                case "SEND" -> {
                    List<String> packet = body.stream().filter(l -> l.startsWith(">>> "))
                            .map(l -> l.substring(4)).toList();
                    AmiPacket action = new AmiPacket(packet);
                    trace.sent.add(action);
                    lastSent = action.name();
                }
                case "NOTE" -> {
                    if (rest.startsWith("connection closed")) {
                        trace.segments.add(new Segment(List.copyOf(received), !"Logoff".equalsIgnoreCase(lastSent)));
                        received.clear();
                    }
                }
                default -> { }
            }
        }
        if (!received.isEmpty()) {
            trace.segments.add(new Segment(List.copyOf(received), false));
        }
        return trace;
    }

    String name() {
        return name;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The action sent with this ActionID. */
    AmiPacket sent(String actionId) {
        return sent.stream().filter(p -> actionId.equals(p.get("ActionID"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " sent no " + actionId));
    }

    /** Everything received that carries this ActionID: the response, then the list's events. */
    List<AmiPacket> answerTo(String actionId) {
        List<AmiPacket> answer = new ArrayList<>();
        for (Segment s : segments) {
            for (AmiPacket p : s.received()) {
                if (actionId.equals(p.get("ActionID"))) {
                    answer.add(p);
                }
            }
        }
        if (answer.isEmpty()) {
            throw new IllegalArgumentException(name + " has no answer to " + actionId);
        }
        return answer;
    }
}
