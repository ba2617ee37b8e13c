package org.dialerd.eccp.client;

import java.nio.charset.StandardCharsets;

/**
 * The reference {@link XmlPushParser} is reading after an {@code &}: one of the five predefined
 * entities ({@code &lt;} {@code &gt;} {@code &amp;} {@code &quot;} {@code &apos;}) or a character
 * reference ({@code &#241;}, {@code &#xF1;}) of a character XML allows. There is no DOCTYPE, so any
 * other entity is undeclared and refused.
 */
final class CharacterReference {
    /** {@link #resolve} result: an entity other than the predefined five. */
    static final int UNDECLARED = -1;
    /** {@link #resolve} result: a character reference that is malformed or names a character XML forbids. */
    static final int INVALID = -2;

    private static final int MAX_LENGTH = 32;
    private final byte[] bytes = new byte[MAX_LENGTH];
    private int length;

    void start() {
        length = 0;
    }

    /** A byte between {@code &} and {@code ;}; false when no reference can contain it here. */
    boolean add(byte b) {
        boolean allowed = length == 0 ? b == '#' || XmlNames.isNameStart(b) : XmlNames.isNameChar(b) || b == '#';
        if (!allowed || length == MAX_LENGTH) {
            return false;
        }
        bytes[length++] = b;
        return true;
    }

    /** At the {@code ;}: the code point, {@link #UNDECLARED} or {@link #INVALID}. */
    int resolve() {
        if (length > 0 && bytes[0] == '#') {
            boolean hex = length > 1 && bytes[1] == 'x';
            int start = hex ? 2 : 1;
            if (start == length) {
                return INVALID;
            }
            int c = 0;
            for (int i = start; i < length; i++) {
                int digit = Character.digit(bytes[i], hex ? 16 : 10);
                if (digit < 0 || c > 0x10FFFF) {
                    return INVALID;
                }
                c = c * (hex ? 16 : 10) + digit;
            }
            return Utf8Check.isXmlChar(c) ? c : INVALID;
        }
        if (is("lt")) {
            return '<';
        } else if (is("gt")) {
            return '>';
        } else if (is("amp")) {
            return '&';
        } else if (is("quot")) {
            return '"';
        } else if (is("apos")) {
            return '\'';
        }
        return length > 0 && bytes[0] != '#' ? UNDECLARED : INVALID;
    }

    /** Why the reference just resolved to {@code result} is refused. */
    String refusal(int result) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return result == UNDECLARED ? "not well-formed: undeclared entity &" + text + ";"
                : "not well-formed: invalid character reference &" + text + ";";
    }

    private boolean is(String name) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
