package org.dialerd.eccp.xml;

/**
 * Writes an {@link XmlElement} the way the reference daemon does (libxml2's serializer with no
 * output encoding), so existing ECCP clients see byte-identical packets.
 *
 * <pre>{@code
 * XmlElement.builder("response").attribute("id", "a&b \"q\"")
 *         .add(XmlElement.of("getpauses_response", XmlElement.text("name", "Baño"), XmlElement.empty("x")))
 *         .build()
 *   -> <response id="a&amp;b &quot;q&quot;"><getpauses_response><name>Ba&#xF1;o</name><x/></getpauses_response>
 *      </response>   (all on one line)
 * }</pre>
 *
 * <ul>
 *   <li>No indentation and no line breaks between elements. An element with neither children nor
 *       text is self-closing. Attributes are written in insertion order.</li>
 *   <li>Text: {@code & < >} become entities, {@code "} stays as it is; newline and tab are raw.
 *       A carriage return is written {@code &#13;}, because a raw one would be turned into a
 *       newline by any XML parser on the other side (libxml2 does the same).</li>
 *   <li>Attribute values: {@code & < > "} become entities; newline, tab and carriage return are
 *       written {@code &#10;}, {@code &#9;}, {@code &#13;}, because attribute-value normalization
 *       would otherwise turn them into spaces (libxml2 does the same).</li>
 *   <li>Every code point from U+0080 up, a surrogate pair counting as one, is written as
 *       {@code &#x} + upper-case hex without padding + {@code ;} ({@code ñ -> &#xF1;},
 *       {@code 😀 -> &#x1F600;}), so the output is pure ASCII whatever the client's charset.</li>
 *   <li>Code points XML 1.0 cannot carry at all are dropped, not escaped: control characters
 *       other than tab, newline and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 *       A character reference to them would itself be ill-formed and make the client reject
 *       the whole packet; losing one invisible character of a database value is the lesser harm.</li>
 * </ul>
 *
 * <p>Element and attribute names are written as given: they come from our code, never from a client.
 * Recursion depth equals element depth; decoded trees are bounded by the frame decoder's nesting limit.
 */
public final class XmlWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private XmlWriter() {
    }

    public static String toXml(XmlElement element) {
        StringBuilder out = new StringBuilder(128);
        write(element, out);
        return out.toString();
    }

    public static void write(XmlElement element, StringBuilder out) {
        String serialized = element.serialized();
        if (serialized != null) {
            out.append(serialized);
            return;
        }
        out.append('<').append(element.name());
        element.attributes().forEach((name, value) -> {
            out.append(' ').append(name).append("=\"");
            escape(value, out, true);
            out.append('"');
        });
        if (element.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (element.children().isEmpty()) {
            escape(element.text(), out, false);
        } else {
            for (XmlElement child : element.children()) {
                write(child, out);
            }
        }
        out.append("</").append(element.name()).append('>');
    }

    /** Appends runs of plain characters in one call; only characters that need work are handled one by one. */
    private static void escape(String value, StringBuilder out, boolean attribute) {
        int length = value.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (isPlain(c, attribute)) {
                continue;
            }
            out.append(value, plainFrom, i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                i++;
            }
            escapeOne(codePoint, out, attribute);
            plainFrom = i + 1;
        }
        out.append(value, plainFrom, length);
    }

    private static boolean isPlain(char c, boolean attribute) {
        if (c >= 0x80 || c == '&' || c == '<' || c == '>') {
            return false;
        }
        if (c >= 0x20) {
            return !(attribute && c == '"');
        }
        return !attribute && (c == '\n' || c == '\t');
    }

    private static void escapeOne(int codePoint, StringBuilder out, boolean attribute) {
        switch (codePoint) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\r' -> out.append("&#13;");
            case '\n' -> out.append(attribute ? "&#10;" : "\n");
            case '\t' -> out.append(attribute ? "&#9;" : "\t");
            default -> {
                if (codePoint >= 0x80 && isXmlChar(codePoint)) {
                    appendHexReference(codePoint, out);
                }
                // else: a control character, lone surrogate or U+FFFE/U+FFFF, dropped (see class comment)
            }
        }
    }

    private static boolean isXmlChar(int codePoint) {
        return codePoint < Character.MIN_SURROGATE
                || (codePoint > Character.MAX_SURROGATE && codePoint <= 0xFFFD)
                || codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT;
    }

    private static void appendHexReference(int codePoint, StringBuilder out) {
        out.append("&#x");
        int shift = (31 - Integer.numberOfLeadingZeros(codePoint)) & ~3;
        for (; shift >= 0; shift -= 4) {
            out.append(HEX[(codePoint >>> shift) & 0xF]);
        }
        out.append(';');
    }
}
