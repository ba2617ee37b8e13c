package org.dialerd.eccp.client;

/**
 * The start tag {@link XmlPushParser} is reading, from its name's first byte to its {@code >} or
 * {@code />}: the name, then attributes ({@code name="value"} or {@code name='value'}, separated by
 * whitespace, values with references and normalized as XML requires: each tab and line end a space),
 * handed to {@link OpenElements} as they end.
 */
final class StartTag {
    /** {@link #add} result: the tag goes on. */
    static final int MORE = 0;
    /** {@link #add} result: the tag ended with {@code >}; the element is open. */
    static final int OPENED = 1;
    /** {@link #add} result: the tag ended with {@code />}; the element is open and to be closed at once. */
    static final int EMPTY = 2;
    /** {@link #add} result: refused, see {@link #refusal()}. */
    static final int REFUSED = 3;

    private static final int NAME = 0;
    private static final int IN_TAG = 1;
    private static final int AFTER_VALUE = 2;
    private static final int ATTRIBUTE_NAME = 3;
    private static final int EQUALS = 4;
    private static final int QUOTE = 5;
    private static final int VALUE = 6;
    private static final int REFERENCE = 7;
    private static final int EMPTY_END = 8;

    private final OpenElements elements;
    private final ByteText name = new ByteText();
    private final ByteText attributeName = new ByteText();
    private final ByteText value = new ByteText();
    private final CharacterReference reference = new CharacterReference();
    private int state;
    private byte quote;
    /** VALUE: the last byte was a '\r' (a following '\n' ends the same line). */
    private boolean carriageReturn;
    private String refusal = "";

    StartTag(OpenElements elements) {
        this.elements = elements;
    }

    /** After {@code <} and the name's first byte (a name-start byte). */
    void start(byte first) {
        name.clear();
        name.append(first);
        state = NAME;
    }

    /** While the name is read: takes the ASCII name bytes at {@code from}; returns how many (0 otherwise). */
    int addName(byte[] bytes, int from, int to) {
        if (state != NAME) {
            return 0;
        }
        int end = from;
        while (end < to && bytes[end] > 0 && XmlNames.isNameChar(bytes[end])) {
            end++;
        }
        name.append(bytes, from, end - from, true);
        return end - from;
    }

    String refusal() {
        return refusal;
    }

    int add(byte b) {
        switch (state) {
            case NAME -> {
                if (XmlNames.isNameChar(b)) {
                    name.append(b);
                    return MORE;
                }
                elements.startTag(name);
                return tagByte(b, "not well-formed: unexpected character in a start tag");
            }
            case IN_TAG -> {
                if (XmlNames.isNameStart(b)) {
                    attributeName.clear();
                    attributeName.append(b);
                    state = ATTRIBUTE_NAME;
                } else if (!XmlNames.isSpace(b)) {
                    return tagByte(b, "not well-formed: unexpected character in a start tag");
                }
            }
            case AFTER_VALUE -> {
                return tagByte(b, "not well-formed: attributes must be separated by whitespace");
            }
            case ATTRIBUTE_NAME -> {
                if (b == '=') {
                    state = QUOTE;
                } else if (XmlNames.isSpace(b)) {
                    state = EQUALS;
                } else if (XmlNames.isNameChar(b)) {
                    attributeName.append(b);
                } else {
                    return refuse("not well-formed: unexpected character in an attribute name");
                }
            }
            case EQUALS -> {
                if (b == '=') {
                    state = QUOTE;
                } else if (!XmlNames.isSpace(b)) {
                    return refuse("not well-formed: '=' expected after an attribute name");
                }
            }
            case QUOTE -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    value.clear();
                    carriageReturn = false;
                    state = VALUE;
                } else if (!XmlNames.isSpace(b)) {
                    return refuse("not well-formed: an attribute value must be quoted");
                }
            }
            case VALUE -> {
                return value(b);
            }
            case REFERENCE -> {
                return reference(b);
            }
            case EMPTY_END -> {
                if (b != '>') {
                    return refuse("not well-formed: '/' not followed by '>' in a start tag");
                }
                return end(true);
            }
            default -> throw new IllegalStateException("start tag state " + state);
        }
        return MORE;
    }

    /** A byte after the name or an attribute: whitespace, '/' or '>'. */
    private int tagByte(byte b, String otherwise) {
        if (b == '>') {
            return end(false);
        }
        if (b == '/') {
            state = EMPTY_END;
        } else if (XmlNames.isSpace(b)) {
            state = IN_TAG;
        } else {
            return refuse(otherwise);
        }
        return MORE;
    }

    private int end(boolean empty) {
        String refused = elements.endStartTag(empty);
        if (refused != null) {
            return refuse(refused);
        }
        return empty ? EMPTY : OPENED;
    }

    private int value(byte b) {
        if (b == quote) {
            String refused = elements.attribute(attributeName, value);
            if (refused != null) {
                return refuse(refused);
            }
            state = AFTER_VALUE;
        } else if (b == '<') {
            return refuse("not well-formed: '<' in an attribute value");
        } else if (b == '&') {
            state = REFERENCE;
            reference.start();
            carriageReturn = false;
        } else if (b == '\n' && carriageReturn) {
            carriageReturn = false; // the '\n' of a "\r\n" already normalized to one space
        } else {
            value.append(b == '\r' || b == '\n' || b == '\t' ? (byte) ' ' : b);
            carriageReturn = b == '\r';
        }
        return MORE;
    }

    private int reference(byte b) {
        if (b != ';') {
            return reference.add(b) ? MORE : refuse("not well-formed: '&' not followed by a reference");
        }
        int c = reference.resolve();
        if (c < 0) {
            return refuse(reference.refusal(c));
        }
        value.appendCodePoint(c); // a referenced tab or line end is kept as it is, not normalized
        state = VALUE;
        return MORE;
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }
}
