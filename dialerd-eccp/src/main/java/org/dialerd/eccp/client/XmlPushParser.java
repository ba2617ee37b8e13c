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
 * decoder quotes Aalto and this parser says it its own way. Names: {@link XmlNames}.
 */
final class XmlPushParser {
    /** {@link #feed} result: the root has not closed within the bytes given. */
    static final int NEED_MORE = -1;
    /** {@link #feed} result: the bytes hold something refused; see {@link #refusal()}. */
    static final int REFUSED = -2;

    private static final int PROLOG = 0;
    private static final int CONTENT = 1;
    private static final int MARKUP = 2;
    private static final int START_TAG = 3;
    private static final int END_TAG = 4;
    private static final int REFERENCE = 5;
    private static final int INSTRUCTION = 6;
    private static final int BANG = 7;
    private static final int CDATA = 8;

    private final OpenElements elements;
    private final StartTag startTag;
    private final CharacterReference reference = new CharacterReference();
    private final ProcessingInstruction instruction = new ProcessingInstruction();
    private final BangMarkup bang = new BangMarkup();
    private final EndTag endTag;
    private int state;
    /** CONTENT and CDATA: consecutive ']'. */
    private int run;
    /** The last character of text was a '\r' (a following '\n' ends the same line). */
    private boolean carriageReturn;
    /** No byte of this packet has been fed yet; then: the markup being read began at the packet's first byte. */
    private boolean atStart = true;
    private boolean markupAtStart;
    private final Utf8Check utf8 = new Utf8Check();
    private XmlElement root;
    private String refusal = "";

    XmlPushParser(int maxDepth) {
        this.elements = new OpenElements(maxDepth);
        this.startTag = new StartTag(elements);
        this.endTag = new EndTag(elements);
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
        int i = from;
        while (i < to) {
            int taken = (state == CONTENT || state == END_TAG || state == START_TAG) && !utf8.pending()
                    ? run(bytes, i, to) : 0;
            if (taken > 0) {
                atStart = false;
                i += taken;
                continue;
            }
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
            i++;
        }
        return NEED_MORE;
    }

    /**
     * The bytes from {@code from} that the current state takes in one go, without a decision per byte
     * (most of an answer): a run of plain ASCII text, an end tag's name as far as it matches, a start
     * tag's ASCII name. Zero when the next byte needs {@link #step}.
     */
    private int run(byte[] bytes, int from, int to) {
        switch (state) {
            case CONTENT -> {
                int end = from;
                while (end < to && isPlainText(bytes[end])) {
                    end++;
                }
                if (end > from) {
                    elements.text().append(bytes, from, end - from, true);
                    run = 0;
                    carriageReturn = false;
                }
                return end - from;
            }
            case END_TAG -> {
                return endTag.addName(bytes, from, to);
            }
            case START_TAG -> {
                return startTag.addName(bytes, from, to);
            }
            default -> {
                return 0;
            }
        }
    }

    /** Text that needs no decision: ASCII, not a control, not markup, not part of a "]]>". */
    private static boolean isPlainText(byte b) {
        return b >= 0x20 && b != '<' && b != '&' && b != ']' && b != '>';
    }

    /** One byte: NEED_MORE to go on, REFUSED, or any other value when the root just closed. */
    private int step(byte b, boolean first) {
        switch (state) {
            case PROLOG -> {
                if (b == '<') {
                    state = MARKUP;
                    markupAtStart = first;
                } else if (!XmlNames.isSpace(b)) {
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
                    startReference();
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
            case START_TAG -> {
                int result = startTag.add(b);
                if (result == StartTag.REFUSED) {
                    return refuse(startTag.refusal());
                }
                if (result == StartTag.EMPTY) {
                    return closeElement();
                }
                if (result == StartTag.OPENED) {
                    state = CONTENT;
                    run = 0;
                    carriageReturn = false;
                }
            }
            case END_TAG -> {
                int result = endTag.add(b);
                if (result == EndTag.REFUSED) {
                    return refuse(endTag.refusal());
                }
                if (result == EndTag.ENDED) {
                    return closeElement();
                }
            }
            case REFERENCE -> {
                return reference(b);
            }
            case INSTRUCTION -> {
                return instruction(b);
            }
            case BANG -> {
                int result = bang.add(b);
                if (result == BangMarkup.REFUSED) {
                    return refuse(bang.refusal());
                }
                if (result == BangMarkup.COMMENT_ENDED) {
                    afterMarkup();
                } else if (result == BangMarkup.CDATA_STARTED) {
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
            state = END_TAG;
            endTag.start();
        } else if (b == '?') {
            state = INSTRUCTION;
            instruction.start(markupAtStart);
        } else if (b == '!') {
            state = BANG;
            bang.start(elements.depth() > 0);
        } else if (XmlNames.isNameStart(b)) {
            state = START_TAG;
            startTag.start(b);
        } else {
            return refuse("not well-formed: '<' not followed by a name");
        }
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

    private void startReference() {
        state = REFERENCE;
        reference.start();
        carriageReturn = false;
        run = 0;
    }

    private int reference(byte b) {
        if (b != ';') {
            return reference.add(b) ? NEED_MORE : refuse("not well-formed: '&' not followed by a reference");
        }
        int c = reference.resolve();
        if (c < 0) {
            return refuse(reference.refusal(c));
        }
        elements.text().appendCodePoint(c);
        state = CONTENT;
        return NEED_MORE;
    }

    private int instruction(byte b) {
        int result = instruction.add(b);
        if (result == ProcessingInstruction.REFUSED) {
            return refuse(instruction.refusal());
        }
        if (result == ProcessingInstruction.ENDED) {
            afterMarkup();
        }
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
}
