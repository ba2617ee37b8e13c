package org.dialerd.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON object writer for the few fixed shapes this module answers with (health,
 * errors): members keep their order, strings are escaped as RFC 8259 requires. Not a general
 * JSON library; the JSON API will bring one when it needs to read JSON.
 */
public final class Json {
    private final Map<String, Object> members = new LinkedHashMap<>();

    private Json() {
    }

    public static Json object() {
        return new Json();
    }

    /** {@code value}: a String, Boolean, Number or nested {@link Json} object. */
    public Json put(String name, Object value) {
        if (!(value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof Json)) {
            throw new IllegalArgumentException("JSON member " + name + ": unsupported value " + value);
        }
        members.put(name, value);
        return this;
    }

    /** {@code {"error": {"code": 404, "message": "Not found"}}}: the one error shape of every endpoint. */
    public static String error(int code, String message) {
        return object().put("error", object().put("code", code).put("message", message)).toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(128);
        write(out);
        return out.toString();
    }

    private void write(StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':');
            Object value = member.getValue();
            if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Json nested) {
                nested.write(out);
            } else {
                out.append(value);
            }
        }
        out.append('}');
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
