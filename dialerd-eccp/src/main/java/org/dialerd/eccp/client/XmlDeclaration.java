package org.dialerd.eccp.client;

/**
 * Checks the body of an XML declaration ({@code version="1.0" encoding="UTF-8" standalone="yes"}, the
 * bytes between {@code <?xml } and {@code ?>}): a version 1.x first, then optionally an encoding name
 * and standalone yes/no, in that order, separated by whitespace. The bytes are read as UTF-8 whatever
 * encoding is named, as the server's decoder reads them. Works on the bytes as they are, without
 * making a string: every answer the server sends starts with a declaration.
 */
final class XmlDeclaration {
    private final byte[] body;
    private final int length;
    private int position;
    /** The value of the pseudo-attribute just read: {@code body[valueStart, valueEnd)}. */
    private int valueStart;
    private int valueEnd;

    private XmlDeclaration(byte[] body, int length) {
        this.body = body;
        this.length = length;
    }

    /** Null when {@code body[0, length)} is a valid declaration, else the refusal. */
    static String check(byte[] body, int length) {
        return new XmlDeclaration(body, length).check();
    }

    private String check() {
        if (!pseudoAttribute("version") || !isVersion()) {
            return "not well-formed: the XML declaration needs version=\"1.x\"";
        }
        int before = position;
        if (!pseudoAttribute("encoding")) {
            position = before;
        } else if (!isEncodingName()) {
            return "not well-formed: bad encoding name in the XML declaration";
        }
        before = position;
        if (!pseudoAttribute("standalone")) {
            position = before;
        } else if (!valueIs("yes") && !valueIs("no")) {
            return "not well-formed: standalone must be yes or no in the XML declaration";
        }
        skipSpace();
        return position == length ? null : "not well-formed: unexpected text in the XML declaration";
    }

    /** {@code S? name S? = S? "value"} at the current position (whitespace required after the first). */
    private boolean pseudoAttribute(String name) {
        if (position > 0 && (position == length || !isSpace(body[position]))) {
            return false;
        }
        skipSpace();
        if (position + name.length() > length) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (body[position + i] != name.charAt(i)) {
                return false;
            }
        }
        position += name.length();
        skipSpace();
        if (position == length || body[position] != '=') {
            return false;
        }
        position++;
        skipSpace();
        if (position == length || (body[position] != '"' && body[position] != '\'')) {
            return false;
        }
        byte quote = body[position++];
        valueStart = position;
        while (position < length && body[position] != quote) {
            position++;
        }
        if (position == length) {
            return false;
        }
        valueEnd = position++;
        return true;
    }

    private boolean isVersion() {
        if (valueEnd - valueStart < 3 || body[valueStart] != '1' || body[valueStart + 1] != '.') {
            return false;
        }
        for (int i = valueStart + 2; i < valueEnd; i++) {
            if (body[i] < '0' || body[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isEncodingName() {
        if (valueEnd == valueStart || !isLetter(body[valueStart])) {
            return false;
        }
        for (int i = valueStart + 1; i < valueEnd; i++) {
            byte b = body[i];
            if (!isLetter(b) && !(b >= '0' && b <= '9') && b != '.' && b != '_' && b != '-') {
                return false;
            }
        }
        return true;
    }

    private boolean valueIs(String expected) {
        if (valueEnd - valueStart != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (body[valueStart + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipSpace() {
        while (position < length && isSpace(body[position])) {
            position++;
        }
    }

    private static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
