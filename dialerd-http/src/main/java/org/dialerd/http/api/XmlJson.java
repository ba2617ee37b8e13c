package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The one mapping between ECCP's XML and the API's JSON, both ways (docs/web-api.md):
 * <pre>
 * &lt;status&gt;online&lt;/status&gt;              →  "status": "online"
 * &lt;success/&gt;                           →  "success": true
 * &lt;field id="3"&gt;x&lt;/field&gt;               →  {"@id": "3", "#text": "x"}
 * &lt;pauses&gt;&lt;pause&gt;…&lt;/pause&gt;&lt;/pauses&gt;      →  "pauses": [{…}]   (lists are always arrays)
 * two &lt;time_init&gt; under one parent    →  "time_init": ["…", "…"]
 * </pre>
 * Values stay strings, as ECCP wrote them. Requests go the other way: JSON members become child
 * elements, numbers and booleans their text ({@code true} → {@code 1}).
 */
public final class XmlJson {
    /** List element → its item element: the list becomes a JSON array of the items. */
    static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("agents", "agent"), Map.entry("queues", "queue"), Map.entry("campaigns", "campaign"),
            Map.entry("pauses", "pause"), Map.entry("forms", "form"), Map.entry("requests", "request"),
            Map.entry("logentries", "logentry"), Map.entry("activecalls", "activecall"),
            Map.entry("matching_contacts", "contact"), Map.entry("call_attributes", "attribute"),
            Map.entry("chanvars", "chanvar"), Map.entry("histogram", "interval"), Map.entry("options", "value"));
    /** {@code parent/child}: children that are always an array although the parent is an object. */
    private static final Set<String> ALWAYS_ARRAYS = Set.of("form/field");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlJson() {
    }

    /** The children and attributes of {@code element} as one JSON object (a response or event body). */
    public static ObjectNode toJson(XmlElement element) {
        ObjectNode object = NODES.objectNode();
        element.attributes().forEach((name, value) -> object.put("@" + name, value));
        Map<String, List<XmlElement>> byName = new LinkedHashMap<>();
        for (XmlElement child : element.children()) {
            byName.computeIfAbsent(child.name(), k -> new java.util.ArrayList<>()).add(child);
        }
        byName.forEach((name, children) -> {
            if (children.size() == 1 && !ALWAYS_ARRAYS.contains(element.name() + "/" + name)) {
                object.set(name, value(children.get(0)));
            } else {
                ArrayNode array = object.putArray(name);
                children.forEach(child -> array.add(value(child)));
            }
        });
        if (!element.text().isEmpty() && !element.attributes().isEmpty()) {
            object.put("#text", element.text());
        }
        return object;
    }

    private static JsonNode value(XmlElement element) {
        String item = LISTS.get(element.name());
        if (item != null && element.attributes().isEmpty() && element.text().isEmpty()) {
            ArrayNode array = NODES.arrayNode();
            for (XmlElement child : element.children()) {
                array.add(value(child));
            }
            return array;
        }
        if (element.attributes().isEmpty() && element.children().isEmpty()) {
            if (element.text().isEmpty() && element.name().equals("success")) {
                return NODES.booleanNode(true);
            }
            return NODES.textNode(element.text());
        }
        return toJson(element);
    }

    /**
     * {@code body} as the request element {@code name}; fails with {@link IllegalArgumentException}
     * (the caller's 400) when a member cannot be an element.
     */
    public static XmlElement toXml(String name, JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return element(name, body);
    }

    private static XmlElement element(String name, JsonNode node) {
        XmlElement.Builder builder = XmlElement.builder(name);
        if (!node.isObject()) {
            return builder.text(text(name, node)).build();
        }
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (key.startsWith("@")) {
                builder.attribute(key.substring(1), text(key, value));
            } else if (key.equals("#text")) {
                builder.text(text(key, value));
            } else if (value.isNull()) {
                continue;
            } else if (value.isArray()) {
                addArray(builder, key, value);
            } else {
                builder.add(element(key, value));
            }
        }
        return builder.build();
    }

    private static void addArray(XmlElement.Builder parent, String key, JsonNode array) {
        String item = LISTS.get(key);
        if (item != null) {
            XmlElement.Builder list = XmlElement.builder(key);
            array.forEach(entry -> list.add(element(item, entry)));
            parent.add(list.build());
        } else {
            array.forEach(entry -> parent.add(element(key, entry)));
        }
    }

    private static String text(String name, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw new IllegalArgumentException(name + ": expected a string, number or boolean, got " + value);
    }
}
