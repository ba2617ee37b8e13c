package org.dialerd.sim.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AMI packet: an ordered list of {@code Name: value} lines. Order matters on the wire
 * (clients and our trace comparison read fields in the order Asterisk sends them) and names
 * may repeat ({@code Variable:} in an action, {@code Output:} in a Command response), so this is
 * a list, not a map. Immutable once built.
 */
public final class AmiMessage {

    private final List<Map.Entry<String, String>> fields;

    private AmiMessage(List<Map.Entry<String, String>> fields) {
        this.fields = Collections.unmodifiableList(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder event(String name) {
        return new Builder().add("Event", name);
    }

    public static Builder response(String result, String actionId) {
        Builder b = new Builder().add("Response", result);
        if (actionId != null) {
            b.add("ActionID", actionId);
        }
        return b;
    }

    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** First value of the (case-insensitive) field, as Asterisk's astman_get_header does. */
    public Optional<String> get(String name) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return Optional.of(f.getValue());
            }
        }
        return Optional.empty();
    }

    public String getOrEmpty(String name) {
        return get(name).orElse("");
    }

    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    public boolean isEvent() {
        return !fields.isEmpty() && fields.get(0).getKey().equals("Event");
    }

    public String eventName() {
        return isEvent() ? fields.get(0).getValue() : "";
    }

    /** Wire form, CRLF terminated, including the blank line that ends the packet. */
    public String toWire() {
        StringBuilder sb = new StringBuilder(fields.size() * 24);
        for (Map.Entry<String, String> f : fields) {
            sb.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return toWire().replace("\r\n", "\n");
    }

    public static final class Builder {
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        public Builder add(String name, String value) {
            fields.add(Map.entry(name, value == null ? "" : value));
            return this;
        }

        public Builder add(String name, long value) {
            return add(name, Long.toString(value));
        }

        public Builder addAll(List<Map.Entry<String, String>> more) {
            fields.addAll(more);
            return this;
        }

        public Builder addIfPresent(String name, String value) {
            if (value != null && !value.isEmpty()) {
                add(name, value);
            }
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(new ArrayList<>(fields));
        }
    }
}
