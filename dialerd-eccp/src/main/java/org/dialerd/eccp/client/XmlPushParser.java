package org.dialerd.eccp.client;

import org.dialerd.eccp.xml.XmlElement;

/**
 * Reads one XML document at a time from bytes pushed as they arrive, checking well-formedness byte by
 * byte and building the tree ({@link OpenElements}) as it goes: the client's answer parser. It frames
 * too: {@link #feed} returns where the root element closed, so no byte is looked at twice and no
 * parser is made per packet (the server's decoder makes an Aalto parser per packet, about 2 KB).
 *
 * <pre>{@code
 * feed("<?xml version=\"1.0\"?>\n<response id=\"7\"><getpauses_response><pau")  -> NEED_MORE
 * feed("ses/></getpauses_response></response>\n")                             -> 38 (after the root's '>')
 * root()                                                                       -> <response id="7">...
 * feed("<a><b></a>")                                                           -> REFUSED at the 'a' of "</a"
 * }</pre>
 *
 * <p>What it accepts and refuses is what the server's {@code EccpFrameDecoder} accepts and refuses
 * (tested side by side on the same inputs, {@code AnswerDecoderMatchesServerDecoderTest}; where Aalto is
 * wrong, overlong UTF-8 and code points above U+10FFFF, this parser refuses): an XML declaration only as the
 * packet's first markup, comments and processing instructions, CDATA, the five predefined entities
 * and character references; no DOCTYPE (so no entity of any other kind), UTF-8 only, checked, and no
 * control character. A refusal names what was wrong; where both decoders detect the same fault by the
 * same rule (end tags, DOCTYPE, depth, the packet limit) the words are the same, elsewhere the server's
 * decoder quotes Aalto and this parser says it its own way. Names are checked as ASCII XML names; any
 * non-ASCII character is accepted in a name (XML's exact name classes are not tabulated).
 */
final class XmlPushParser {
    /** {@link #feed} result: the root has not closed within the bytes given. */
    static final int NEED_MORE = -1;
    /** {@link #feed} result: the bytes hold something refused; see {@link #refusal()}. */
    static final int REFUSED = -2;

    private static final int PROLOG = 0;
    private static final int CONTENT = 1;
    private static final int MARKUP = 2;
    private static final int START_NAME = 3;
    private static final int IN_TAG = 4;
    private static final int AFTER_VALUE = 5;
    private static final int ATTRIBUTE_NAME = 6;
    private static final int ATTRIBUTE_EQUALS = 7;
    private static final int ATTRIBUTE_QUOTE = 8;
    private static final int ATTRIBUTE_VALUE = 9;
    private static final int EMPTY_END = 10;
    private static final int END_NAME = 11;
    private static final int END_SPACE = 12;
    private static final int REFERENCE = 13;
    private static final int PI_TARGET = 14;
    private static final int PI_BODY = 15;
    private static final int BANG = 16;
    private static final int COMMENT_OPEN = 17;
    private static final int COMMENT = 18;
    private static final int CDATA_OPEN = 19;
    private static final int CDATA = 20;

    private static final String CDATA_START = "CDATA[";
    private static final int MAX_REFERENCE = 32;

    private final OpenElements elements;
    private final ByteText tagName = new ByteText();
    private final ByteText attributeName = new ByteText();
    /** An attribute value, or the body of the XML declaration. */
    private final ByteText value = new ByteText();
    private final byte[] reference = new byte[MAX_REFERENCE];
    private int referenceLength;
    private int state;
    /** REFERENCE: the state to go back to (CONTENT or ATTRIBUTE_VALUE). */
    private int returnState;
    private byte quote;
    /** CONTENT and CDATA: consecutive ']'. COMMENT: consecutive '-'. CDATA_OPEN: bytes of "CDATA[" matched. */
    private int run;
    /** The last character of text or attribute value was a '\r' (a following '\n' is the same line end). */
    private boolean carriageReturn;
    /** END_NAME: the next byte of the expected name. */
    private int namePosition;
    /** No byte of this packet has been fed yet; then: the markup being read began at the packet's first byte. */
    private boolean atStart = true;
    private boolean markupAtStart;
    private boolean declaration;
    private boolean question;
    private final Utf8Check utf8 = new Utf8Check();
    private XmlElement root;
    private String refusal = "";

    XmlPushParser(int maxDepth) {
        this.elements = new OpenElements(maxDepth);
    }

    /** Forgets the packet read so far; the next byte fed starts a packet. */
    void reset() {
        elements.reset();
        state = PROLOG;
        run = 0;
        carriageReturn = false;
        atStart = true;
        utf8.reset();
        root = null;
        refusal = "";
    }

    /** The root of the packet whose end {@link #feed} returned. */
    XmlElement root() {
        return root;
    }

    String refusal() {
        return refusal;
    }

    /**
     * Reads {@code bytes[from, to)}, continuing the packet begun by earlier calls.
     *
     * @return the index after the root's closing {@code >}, {@link #NEED_MORE} or {@link #REFUSED}
     */
    int feed(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0x20 || utf8.pending()) {
                if (b < 0 || utf8.pending()) {
                    if (!utf8.accept(b)) {
                        return refuse("not well-formed: invalid UTF-8");
                    }
                } else if (b != '\t' && b != '\n' && b != '\r') {
                    return refuse("not well-formed: illegal character 0x" + Integer.toHexString(b));
                }
            }
            boolean first = atStart;
            atStart = false;
            int result = step(b, first);
            if (result != NEED_MORE) {
                return result == REFUSED ? REFUSED : i + 1;
            }
        }
        return NEED_MORE;
    }

    /** One byte: NEED_MORE to go on, REFUSED, or any other value when the root just closed. */
    private int step(byte b, boolean first) {
        switch (state) {
            case PROLOG -> {
                if (b == '<') {
                    state = MARKUP;
                    markupAtStart = first;
                } else if (!isSpace(b)) {
                    return refuse("not well-formed: text outside the root element");
                }
            }
            case CONTENT -> {
                if (b == '<') {
                    state = MARKUP;
                    markupAtStart = false;
                    carriageReturn = false;
                    run = 0;
                } else if (b == '&') {
                    startReference(CONTENT);
                } else {
                    if (b == '>' && run >= 2) {
                        return refuse("not well-formed: ']]>' is not allowed in character data");
                    }
                    run = b == ']' ? run + 1 : 0;
                    text(b);
                }
            }
            case MARKUP -> {
                return markup(b);
            }
            case START_NAME -> {
                if (isNameChar(b)) {
                    tagName.append(b);
                    return NEED_MORE;
                }
                String refused = elements.startTag(tagName);
                if (refused != null) {
                    return refuse(refused);
                }
                return tagByte(b, "not well-formed: unexpected character in a start tag");
            }
            case IN_TAG -> {
                if (isNameStart(b)) {
                    attributeName.clear();
                    attributeName.append(b);
                    state = ATTRIBUTE_NAME;
                } else if (!isSpace(b)) {
                    return tagByte(b, "not well-formed: unexpected character in a start tag");
                }
            }
            case AFTER_VALUE -> {
                return tagByte(b, "not well-formed: attributes must be separated by whitespace");
            }
            case ATTRIBUTE_NAME -> {
                if (b == '=') {
                    state = ATTRIBUTE_QUOTE;
                } else if (isSpace(b)) {
                    state = ATTRIBUTE_EQUALS;
                } else if (isNameChar(b)) {
                    attributeName.append(b);
                } else {
                    return refuse("not well-formed: unexpected character in an attribute name");
                }
            }
            case ATTRIBUTE_EQUALS -> {
                if (b == '=') {
                    state = ATTRIBUTE_QUOTE;
                } else if (!isSpace(b)) {
                    return refuse("not well-formed: '=' expected after an attribute name");
                }
            }
            case ATTRIBUTE_QUOTE -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    value.clear();
                    carriageReturn = false;
                    state = ATTRIBUTE_VALUE;
                } else if (!isSpace(b)) {
                    return refuse("not well-formed: an attribute value must be quoted");
                }
            }
            case ATTRIBUTE_VALUE -> {
                return attributeValue(b);
            }
            case EMPTY_END -> {
                if (b != '>') {
                    return refuse("not well-formed: '/' not followed by '>' in a start tag");
                }
                return openElement(true);
            }
            case END_NAME -> {
                return endName(b);
            }
            case END_SPACE -> {
                if (b == '>') {
                    return closeElement();
                }
                if (!isSpace(b)) {
                    return refuse("not well-formed: unexpected character in an end tag");
                }
            }
            case REFERENCE -> {
                return reference(b);
            }
            case PI_TARGET -> {
                return piTarget(b);
            }
            case PI_BODY -> {
                return piBody(b);
            }
            case BANG -> {
                if (b == '-') {
                    state = COMMENT_OPEN;
                } else if (b == '[' && elements.depth() > 0) {
                    state = CDATA_OPEN;
                    run = 0;
                } else if (b == '[') {
                    return refuse("not well-formed: CDATA outside the root element");
                } else {
                    return refuse("refused: DOCTYPE and other markup declarations are not allowed");
                }
            }
            case COMMENT_OPEN -> {
                if (b != '-') {
                    return refuse("not well-formed: '<!-' does not start a comment");
                }
                state = COMMENT;
                run = 0;
            }
            case COMMENT -> {
                if (run >= 2) {
                    if (b != '>') {
                        return refuse("not well-formed: '--' is not allowed in a comment");
                    }
                    afterMarkup();
                } else {
                    run = b == '-' ? run + 1 : 0;
                }
            }
            case CDATA_OPEN -> {
                if (b != CDATA_START.charAt(run)) {
                    return refuse("not well-formed: '<![' does not start a CDATA section");
                }
                if (++run == CDATA_START.length()) {
                    state = CDATA;
                    run = 0;
                    carriageReturn = false;
                }
            }
            case CDATA -> {
                if (b == '>' && run >= 2) {
                    elements.text().truncate(2);
                    state = CONTENT;
                    run = 0;
                    carriageReturn = false;
                } else {
                    run = b == ']' ? run + 1 : 0;
                    text(b);
                }
            }
            default -> throw new IllegalStateException("parser state " + state);
        }
        return NEED_MORE;
    }

    private int markup(byte b) {
        if (b == '/') {
            if (elements.depth() == 0) {
                return refuse("not well-formed: end tag without a start tag");
            }
            state = END_NAME;
            namePosition = elements.nameStart(elements.depth() - 1);
        } else if (b == '?') {
            state = PI_TARGET;
            tagName.clear();
        } else if (b == '!') {
            state = BANG;
        } else if (isNameStart(b)) {
            state = START_NAME;
            tagName.clear();
            tagName.append(b);
        } else {
            return refuse("not well-formed: '<' not followed by a name");
        }
        return NEED_MORE;
    }

    /** A byte after a start tag's name or one of its attributes: whitespace, '/' or '>'. */
    private int tagByte(byte b, String otherwise) {
        if (b == '>') {
            return openElement(false);
        }
        if (b == '/') {
            state = EMPTY_END;
        } else if (isSpace(b)) {
            state = IN_TAG;
        } else {
            return refuse(otherwise);
        }
        return NEED_MORE;
    }

    private int openElement(boolean empty) {
        String refused = elements.endStartTag(empty);
        if (refused != null) {
            return refuse(refused);
        }
        if (empty) {
            return closeElement();
        }
        state = CONTENT;
        run = 0;
        carriageReturn = false;
        return NEED_MORE;
    }

    private int closeElement() {
        XmlElement closed = elements.close();
        state = CONTENT;
        run = 0;
        carriageReturn = false;
        if (closed != null) {
            root = closed;
            return 0;
        }
        return NEED_MORE;
    }

    private int endName(byte b) {
        int level = elements.depth() - 1;
        int expectedEnd = elements.nameEnd(level);
        if (b == '>' || isSpace(b)) {
            if (namePosition != expectedEnd) {
                return refuseEndTag(level);
            }
            if (b == '>') {
                return closeElement();
            }
            state = END_SPACE;
        } else if (namePosition == expectedEnd || elements.nameBytes()[namePosition++] != b) {
            return refuseEndTag(level);
        }
        return NEED_MORE;
    }

    private int refuseEndTag(int level) {
        return refuse("not well-formed: end tag does not match <" + elements.name(level) + ">");
    }

    private int attributeValue(byte b) {
        if (b == quote) {
            String refused = elements.attribute(attributeName, value);
            if (refused != null) {
                return refuse(refused);
            }
            state = AFTER_VALUE;
        } else if (b == '<') {
            return refuse("not well-formed: '<' in an attribute value");
        } else if (b == '&') {
            startReference(ATTRIBUTE_VALUE);
        } else if (b == '\n' && carriageReturn) {
            carriageReturn = false; // the '\n' of a "\r\n" already normalized to one space
        } else {
            // Attribute-value normalization: each line end and tab becomes a space.
            value.append(b == '\r' || b == '\n' || b == '\t' ? (byte) ' ' : b);
            carriageReturn = b == '\r';
        }
        return NEED_MORE;
    }

    private void startReference(int back) {
        state = REFERENCE;
        returnState = back;
        referenceLength = 0;
        carriageReturn = false;
        run = 0;
    }

    private int reference(byte b) {
        if (b != ';') {
            boolean allowed = referenceLength == 0 ? b == '#' || isNameStart(b) : isNameChar(b) || b == '#';
            if (!allowed || referenceLength == MAX_REFERENCE) {
                return refuse("not well-formed: '&' not followed by a reference");
            }
            reference[referenceLength++] = b;
            return NEED_MORE;
        }
        int c = resolve();
        if (c < 0) {
            String name = new String(reference, 0, referenceLength, java.nio.charset.StandardCharsets.UTF_8);
            return refuse(c == -1 && referenceLength > 0 && reference[0] != '#'
                    ? "not well-formed: undeclared entity &" + name + ";"
                    : "not well-formed: invalid character reference &" + name + ";");
        }
        (returnState == CONTENT ? elements.text() : value).appendCodePoint(c);
        state = returnState;
        return NEED_MORE;
    }

    /** The code point of the reference just read; -1 for an unknown entity, -2 for a bad character reference. */
    private int resolve() {
        if (referenceLength > 0 && reference[0] == '#') {
            boolean hex = referenceLength > 1 && reference[1] == 'x';
            int start = hex ? 2 : 1;
            if (start == referenceLength) {
                return -2;
            }
            int c = 0;
            for (int i = start; i < referenceLength; i++) {
                int digit = Character.digit(reference[i], hex ? 16 : 10);
                if (digit < 0 || c > 0x10FFFF) {
                    return -2;
                }
                c = c * (hex ? 16 : 10) + digit;
            }
            return Utf8Check.isXmlChar(c) ? c : -2;
        }
        return switch (new String(reference, 0, referenceLength, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> -1;
        };
    }

    private int piTarget(byte b) {
        if (tagName.length() == 0 ? isNameStart(b) : isNameChar(b)) {
            tagName.append(b);
            return NEED_MORE;
        }
        if (tagName.length() == 0 || !(isSpace(b) || b == '?')) {
            return refuse("not well-formed: a processing instruction needs a target name");
        }
        boolean xml = tagName.contentEquals("xml");
        if (xml && !markupAtStart) {
            return refuse("not well-formed: an XML declaration is only allowed at the start of a packet");
        }
        if (!xml && tagName.length() == 3 && tagName.string().equalsIgnoreCase("xml")) {
            return refuse("not well-formed: the processing instruction target 'xml' is reserved");
        }
        declaration = xml;
        value.clear();
        question = b == '?';
        state = PI_BODY;
        return NEED_MORE;
    }

    private int piBody(byte b) {
        if (b == '>' && question) {
            if (declaration) {
                String refused = XmlDeclaration.check(value.string());
                if (refused != null) {
                    return refuse(refused);
                }
            }
            afterMarkup();
            return NEED_MORE;
        }
        if (declaration) {
            if (b == '>' || b == '<') {
                return refuse("not well-formed: the XML declaration must end with '?>'");
            }
            if (question) {
                value.append((byte) '?');
            }
            if (b != '?') {
                value.append(b);
            }
        }
        question = b == '?';
        return NEED_MORE;
    }

    /** A comment or processing instruction ended. */
    private void afterMarkup() {
        state = elements.depth() == 0 ? PROLOG : CONTENT;
        run = 0;
        carriageReturn = false;
    }

    /** Character data (text or CDATA): line ends normalized to '\n', as XML requires. */
    private void text(byte b) {
        ByteText text = elements.text();
        if (b == '\r') {
            text.append((byte) '\n');
            carriageReturn = true;
        } else {
            if (b != '\n' || !carriageReturn) {
                text.append(b);
            }
            carriageReturn = false;
        }
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** ASCII name-start characters; every byte of a non-ASCII character (already checked as UTF-8) too. */
    private static boolean isNameStart(byte b) {
        return b < 0 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':';
    }

    private static boolean isNameChar(byte b) {
        return isNameStart(b) || (b >= '0' && b <= '9') || b == '-' || b == '.';
    }
}
