package org.dialerd.eccp.client;

/**
 * The end tag {@link XmlPushParser} is reading after {@code </}: checked byte by byte against the name
 * of the innermost open element, so a mismatch is refused at its first wrong byte (at the {@code a} of
 * {@code <a><b></a}, not at the {@code >}), then optional whitespace and {@code >}.
 */
final class EndTag {
    /** {@link #add} result: the tag goes on. */
    static final int MORE = 0;
    /** {@link #add} result: its {@code >} was read; the innermost element closes. */
    static final int ENDED = 1;
    /** {@link #add} result: refused, see {@link #refusal()}. */
    static final int REFUSED = 2;

    private final OpenElements elements;
    /** The next byte of the expected name, in {@link OpenElements#nameBytes()}. */
    private int namePosition;
    /** Whitespace after the name was read: only more of it or '>' may follow. */
    private boolean afterName;
    private String refusal = "";

    EndTag(OpenElements elements) {
        this.elements = elements;
    }

    /** After {@code </}, with an element open. */
    void start() {
        namePosition = elements.nameStart(elements.depth() - 1);
        afterName = false;
    }

    String refusal() {
        return refusal;
    }

    /** Takes the ASCII bytes at {@code from} that continue the expected name; returns how many. */
    int addName(byte[] bytes, int from, int to) {
        if (afterName) {
            return 0;
        }
        byte[] names = elements.nameBytes();
        int expectedEnd = elements.nameEnd(elements.depth() - 1);
        int end = from;
        while (end < to && namePosition < expectedEnd && bytes[end] == names[namePosition] && bytes[end] > 0) {
            end++;
            namePosition++;
        }
        return end - from;
    }

    int add(byte b) {
        if (afterName) {
            if (b == '>') {
                return ENDED;
            }
            return XmlNames.isSpace(b) ? MORE : refuse("not well-formed: unexpected character in an end tag");
        }
        int level = elements.depth() - 1;
        int expectedEnd = elements.nameEnd(level);
        if (b == '>' || XmlNames.isSpace(b)) {
            if (namePosition != expectedEnd) {
                return refuseMismatch(level);
            }
            if (b == '>') {
                return ENDED;
            }
            afterName = true;
        } else if (namePosition == expectedEnd || elements.nameBytes()[namePosition++] != b) {
            return refuseMismatch(level);
        }
        return MORE;
    }

    private int refuseMismatch(int level) {
        return refuse("not well-formed: end tag does not match <" + elements.name(level) + ">");
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }
}
