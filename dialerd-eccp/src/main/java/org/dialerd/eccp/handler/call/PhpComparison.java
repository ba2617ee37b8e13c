package org.dialerd.eccp.handler.call;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * PHP 8's loose {@code ==} between two strings, which the reference uses to check LIST
 * values ({@code in_array}): when both strings are numeric they are compared as numbers
 * ({@code "1.0" == "01"}), otherwise byte for byte.
 */
final class PhpComparison {
    /** PHP 8 numeric strings: surrounding whitespace allowed, decimal with optional exponent. */
    private static final Pattern NUMERIC = Pattern.compile(
            "[ \\t\\n\\r\\x0B\\f]*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?[ \\t\\n\\r\\x0B\\f]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private PhpComparison() {
    }

    static boolean looseEquals(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!NUMERIC.matcher(a).matches() || !NUMERIC.matcher(b).matches()) {
            return false;
        }
        String x = strip(a);
        String y = strip(b);
        if (INTEGER.matcher(x).matches() && INTEGER.matcher(y).matches() && fitsLong(x) && fitsLong(y)) {
            return Long.parseLong(x) == Long.parseLong(y);
        }
        return Double.parseDouble(x) == Double.parseDouble(y);
    }

    private static String strip(String numeric) {
        String trimmed = numeric.strip();
        return trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    }

    private static boolean fitsLong(String integer) {
        BigDecimal value = new BigDecimal(integer);
        return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }
}
