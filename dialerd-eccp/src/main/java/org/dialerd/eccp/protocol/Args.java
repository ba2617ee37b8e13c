package org.dialerd.eccp.protocol;

import java.util.Optional;
import java.util.OptionalInt;
import org.dialerd.eccp.xml.XmlElement;

/** Reading request arguments the way the reference does; missing required ones are a top-level 400. */
public final class Args {
    private Args() {
    }

    /** The child's text; a top-level 400 "Bad request" when the child is absent. */
    public static String required(XmlElement request, String name) {
        return request.childText(name).orElseThrow(EccpFailure::badRequest);
    }

    public static Optional<String> optional(XmlElement request, String name) {
        return request.childText(name);
    }

    /** Optional and non-blank, trimmed. */
    public static Optional<String> nonBlank(XmlElement request, String name) {
        return request.childText(name).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A whole number written in plain decimal digits (optionally signed), else empty. */
    public static OptionalInt parseInt(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(trimmed));
    }

    /**
     * PHP's {@code (int)} cast, which the reference applies to ids: leading digits count,
     * anything else is 0 ({@code "abc"} → 0, {@code "12x"} → 12).
     */
    public static long phpInt(String text) {
        if (text == null) {
            return 0;
        }
        String s = text.trim();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && value < Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        return negative ? -value : value;
    }
}
