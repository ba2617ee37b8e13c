package org.dialerd.sim.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed recording (format in ami-traces/README.md): what the client sent and what it
 * received, with recorder timestamps. The banner is kept as a one-field packet {@code Banner}.
 */
public final class Trace {

    private final List<Packet> sent = new ArrayList<>();
    private final List<Packet> received = new ArrayList<>();
    private final List<Packet> notes = new ArrayList<>();

    public static Trace parse(Path file) throws IOException {
        Trace t = new Trace();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i++);
            if (!line.startsWith("### +")) {
                continue;
            }
            String[] head = line.substring(5).split(" ", 3);
            long ms = Math.round(Double.parseDouble(head[0]) * 1000);
            String kind = head.length > 1 ? head[1] : "";
            if (kind.equals("NOTE")) {
                t.notes.add(new Packet(ms, List.of(Map.entry("Note", head.length > 2 ? head[2] : ""))));
                continue;
            }
            if (kind.equals("RECV") && head.length > 2 && head[2].equals("banner")) {
                t.received.add(new Packet(ms, List.of(Map.entry("Banner", lines.get(i++)))));
                continue;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("### +")) {
                String l = lines.get(i++);
                if (kind.equals("SEND")) {
                    if (!l.startsWith(">>>")) {
                        continue;
                    }
                    l = l.length() > 4 ? l.substring(4) : "";
                }
                if (l.isEmpty()) {
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon > 0) {
                    String v = l.substring(colon + 1);
                    fields.add(Map.entry(l.substring(0, colon), v.startsWith(" ") ? v.substring(1) : v));
                }
            }
            if (fields.isEmpty()) {
                continue;
            }
            (kind.equals("SEND") ? t.sent : t.received).add(new Packet(ms, fields));
        }
        return t;
    }

    public List<Packet> sent() {
        return sent;
    }

    public List<Packet> received() {
        return received;
    }

    /** The recorder's comments ({@code Note} field), e.g. when it ran a CLI command or reconnected. */
    public List<Packet> notes() {
        return notes;
    }

    /** Recorder time of the last line, to keep the clock running until everything happened. */
    public long endMillis() {
        long end = 0;
        for (Packet p : sent) {
            end = Math.max(end, p.timeMillis());
        }
        for (Packet p : received) {
            end = Math.max(end, p.timeMillis());
        }
        return end;
    }
}
