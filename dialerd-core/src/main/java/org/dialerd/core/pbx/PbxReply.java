package org.dialerd.core.pbx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asterisk's answer to one action. {@code fields} are the response's headers
 * (e.g. {@code Value} of GetVar); {@code output} the lines of a Command; {@code items} the
 * events of a list action (QueueMember, QueueEntry, Agents, CoreShowChannel), each as its
 * AMI fields, in arrival order.
 */
public record PbxReply(boolean success, String message, Map<String, String> fields, List<String> output,
                       List<Map<String, String>> items) {
    public PbxReply {
        fields = Map.copyOf(fields);
        output = List.copyOf(output);
        items = List.copyOf(items);
    }

    public static PbxReply ok(String message) {
        return new PbxReply(true, message, Map.of(), List.of(), List.of());
    }

    public static PbxReply error(String message) {
        return new PbxReply(false, message, Map.of(), List.of(), List.of());
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
