package org.dialerd.sim.trace;

import java.util.List;
import java.util.Map;

/** One AMI packet with the (recorded or virtual) time it was seen, in milliseconds. */
public record Packet(long timeMillis, List<Map.Entry<String, String>> fields) {

    public String get(String name) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    public String kind() {
        if (fields.isEmpty()) {
            return "?";
        }
        Map.Entry<String, String> first = fields.get(0);
        return first.getKey().equals("Event") ? first.getValue() : first.getKey() + ":" + first.getValue();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("+%.3f ", timeMillis / 1000.0));
        for (Map.Entry<String, String> f : fields) {
            sb.append(f.getKey()).append(": ").append(f.getValue()).append(" | ");
        }
        return sb.toString();
    }
}
