package org.dialerd.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One AMI packet as its {@code Name: value} lines (no terminating blank line). */
record AmiPacket(List<String> lines) {

    AmiPacket {
        lines = List.copyOf(lines);
    }

    static AmiPacket of(String... lines) {
        return new AmiPacket(List.of(lines));
    }

    /** First value of {@code name} (case-insensitive, as AMI), or null. */
    String get(String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                String value = line.substring(colon + 1);
                return value.startsWith(" ") ? value.substring(1) : value;
            }
        }
        return null;
    }

    boolean isEvent() {
        return get("Event") != null;
    }

    /** Event name, or action name (for what a client sent). */
    String name() {
        String event = get("Event");
        return event != null ? event : get("Action");
    }

    /** The header fields in order, without ActionID (duplicate names keep the first). */
    Map<String, String> fieldsWithoutActionId() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            if (!name.equalsIgnoreCase("ActionID")) {
                fields.putIfAbsent(name, get(name));
            }
        }
        return fields;
    }

    /** Same packet with its ActionID replaced (what a replay must answer to a live action). */
    AmiPacket withActionId(String actionId) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.toLowerCase(Locale.ROOT).startsWith("actionid:") ? "ActionID: " + actionId : line);
        }
        return new AmiPacket(out);
    }

    /**
     * The packet as comparable lines: header names lowercased (asterisk-java lowercases them,
     * Asterisk does not care), the action name lowercased (GetVar vs Getvar), ActionID dropped.
     */
    List<String> normalisedWithoutActionId() {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("actionid")) {
                continue;
            }
            out.add(name + ": " + (name.equals("action") ? value.toLowerCase(Locale.ROOT) : value));
        }
        out.sort(null);
        return out;
    }

    String wire() {
        return String.join("\r\n", lines) + "\r\n\r\n";
    }
}
