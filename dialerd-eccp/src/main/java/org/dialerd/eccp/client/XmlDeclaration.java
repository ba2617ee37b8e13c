package org.dialerd.eccp.client;

/**
 * Checks the body of an XML declaration ({@code version="1.0" encoding="UTF-8" standalone="yes"}):
 * a version 1.x first, then optionally an encoding name and standalone yes/no, in that order,
 * separated by whitespace. The bytes are read as UTF-8 whatever encoding is named, as the server's
 * decoder reads them.
 */
final class XmlDeclaration {
    private final String body;
    private int position;

    private XmlDeclaration(String body) {
        this.body = body;
    }

    /** Null when {@code body} (between {@code <?xml} and {@code ?>}) is a valid declaration, else the refusal. */
    static String check(String body) {
        return new XmlDeclaration(body).check();
    }

    private String check() {
        String version = pseudoAttribute("version");
        if (version == null || !version.matches("1\\.[0-9]+")) {
            return "not well-formed: the XML declaration needs version=\"1.x\"";
        }
        int before = position;
        String encoding = pseudoAttribute("encoding");
        if (encoding == null) {
            position = before;
        } else if (!encoding.matches("[A-Za-z][A-Za-z0-9._-]*")) {
            return "not well-formed: bad encoding name in the XML declaration";
        }
        before = position;
        String standalone = pseudoAttribute("standalone");
        if (standalone == null) {
            position = before;
        } else if (!standalone.equals("yes") && !standalone.equals("no")) {
            return "not well-formed: standalone must be yes or no in the XML declaration";
        }
        skipSpace();
        return position == body.length() ? null : "not well-formed: unexpected text in the XML declaration";
    }

    /** {@code S name S? = S? "value"} at the current position: the value, or null (position then undefined). */
    private String pseudoAttribute(String name) {
        if (position < body.length() && position > 0 && !isSpace(body.charAt(position))) {
            return null;
        }
        skipSpace();
        if (!body.startsWith(name, position)) {
            return null;
        }
        position += name.length();
        skipSpace();
        if (position == body.length() || body.charAt(position) != '=') {
            return null;
        }
        position++;
        skipSpace();
        if (position == body.length() || (body.charAt(position) != '"' && body.charAt(position) != '\'')) {
            return null;
        }
        char quote = body.charAt(position++);
        int end = body.indexOf(quote, position);
        if (end < 0) {
            return null;
        }
        String value = body.substring(position, end);
        position = end + 1;
        return value;
    }

    private void skipSpace() {
        while (position < body.length() && isSpace(body.charAt(position))) {
            position++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
