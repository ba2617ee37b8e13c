package org.dialerd.eccp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the byte just after the {@code >} that closes the root element of one XML document, so the
 * frame decoder can cut the stream there and give the parser only that document's bytes.
 *
 * <p>Why not ask the parser where it is: Aalto 1.3.3 reports token offsets that drift once input
 * arrives in more than one piece, and it notices a mismatched end tag only after reading four bytes
 * of the name ({@code <a><b></a>} at the end of a packet would wait forever). So this scanner frames,
 * and checks end tags against the open start tags byte by byte; the parser, fed the same bytes at the
 * same time, checks everything else and builds the tree.
 *
 * <p>It tells markup ({@code <?..?>}, {@code <!--..-->}, {@code <![CDATA[..]]>}, start tags whose quoted
 * attribute values may contain {@code >} or {@code /}, end tags) from character data. It refuses, as
 * soon as the offending byte arrives: markup declarations ({@code <!DOCTYPE}, {@code <!ENTITY}: ECCP
 * has no DTD, and without one there are no external entities and no entity expansion), an end tag
 * that does not match, and nesting deeper than {@code maxDepth}.
 *
 * <p>State survives between calls, so a document may arrive split at any byte. UTF-8 needs no special
 * care: every byte of a multi-byte sequence is >= 0x80 and never mistaken for markup; names are
 * compared as bytes.
 */
final class RootEndScanner {
    /** {@link #scan} result: the root has not closed within the bytes given. */
    static final int NEED_MORE = -1;
    /** {@link #scan} result: the bytes hold something refused; see {@link #refusal()}. */
    static final int REFUSED = -2;

    private static final int OPEN = 0;
    private static final int ROOT_CLOSED = 1;

    private static final int CONTENT = 0;
    private static final int MARKUP_START = 1;
    private static final int START_TAG_NAME = 2;
    private static final int START_TAG = 3;
    private static final int END_TAG_NAME = 4;
    private static final int END_TAG_SPACE = 5;
    private static final int PROCESSING_INSTRUCTION = 6;
    private static final int BANG = 7;
    private static final int COMMENT_OPENING = 8;
    private static final int COMMENT = 9;
    private static final int CDATA = 10;

    /** A name buffer grown for one document with huge names is not kept for the next. */
    private static final int RETAINED_NAME_CAPACITY = 4096;

    private final int maxDepth;
    /** Names of the open elements, back to back; element d's name ends at {@code nameEnds[d]}. */
    private byte[] names = new byte[256];
    private final int[] nameEnds;
    private int state;
    private int depth;
    /** START_TAG_NAME: where the name being read ends so far. END_TAG_NAME: next byte of the expected name. */
    private int namePosition;
    /** START_TAG: the quote character of the attribute value being read, or 0 outside values. */
    private byte quote;
    /** START_TAG: the last byte outside a value was '/'. PI: the last byte was '?'. */
    private boolean closingMark;
    /** CONTENT and CDATA: consecutive ']' just read. COMMENT: consecutive '-' just read. */
    private int run;
    private String refusal = "";

    RootEndScanner(int maxDepth) {
        this.maxDepth = maxDepth;
        this.nameEnds = new int[maxDepth];
    }

    void reset() {
        state = CONTENT;
        depth = 0;
        run = 0;
        refusal = "";
        if (names.length > RETAINED_NAME_CAPACITY) {
            names = new byte[RETAINED_NAME_CAPACITY];
        }
    }

    /** Why the last {@link #scan} returned {@link #REFUSED}. */
    String refusal() {
        return refusal;
    }

    /**
     * Scans {@code bytes[from, to)} continuing from the previous call.
     *
     * @return the index after the root's closing {@code >}, {@link #NEED_MORE} or {@link #REFUSED}
     */
    int scan(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            switch (state) {
                case CONTENT -> {
                    if (b == '<') {
                        state = MARKUP_START;
                    } else if (b == '>' && run >= 2) {
                        // Aalto misses this when "]]>" arrives in one piece, and reports it when split.
                        return refuse("not well-formed: ']]>' is not allowed in character data");
                    }
                    run = b == ']' ? run + 1 : 0;
                }
                case MARKUP_START -> {
                    if (b == '/') {
                        if (depth == 0) {
                            return refuse("not well-formed: end tag without a start tag");
                        }
                        state = END_TAG_NAME;
                        namePosition = nameStart(depth - 1);
                    } else if (b == '?') {
                        state = PROCESSING_INSTRUCTION;
                        closingMark = false;
                    } else if (b == '!') {
                        state = BANG;
                    } else if (b == '>' || isSpace(b)) {
                        return refuse("not well-formed: '<' not followed by a name");
                    } else {
                        state = START_TAG_NAME;
                        namePosition = nameStart(depth);
                        appendNameByte(b);
                    }
                }
                case START_TAG_NAME -> {
                    if (b == '>') {
                        int closed = closeStartTag(false);
                        if (closed != OPEN) {
                            return closed == ROOT_CLOSED ? i + 1 : REFUSED;
                        }
                    } else if (isSpace(b) || b == '/') {
                        state = START_TAG;
                        quote = 0;
                        closingMark = b == '/';
                    } else {
                        appendNameByte(b);
                    }
                }
                case START_TAG -> {
                    if (quote != 0) {
                        if (b == quote) {
                            quote = 0;
                        }
                    } else if (b == '>') {
                        int closed = closeStartTag(closingMark);
                        if (closed != OPEN) {
                            return closed == ROOT_CLOSED ? i + 1 : REFUSED;
                        }
                    } else if (b == '"' || b == '\'') {
                        quote = b;
                        closingMark = false;
                    } else {
                        closingMark = b == '/';
                    }
                }
                case END_TAG_NAME -> {
                    int expectedEnd = nameEnds[depth - 1];
                    if (b == '>' || isSpace(b)) {
                        if (namePosition != expectedEnd) {
                            return refuseEndTag();
                        }
                        if (b == '>' && closeEndTag()) {
                            return i + 1;
                        }
                        state = b == '>' ? CONTENT : END_TAG_SPACE;
                    } else if (namePosition == expectedEnd || names[namePosition++] != b) {
                        return refuseEndTag();
                    }
                }
                case END_TAG_SPACE -> {
                    if (b == '>') {
                        if (closeEndTag()) {
                            return i + 1;
                        }
                        state = CONTENT;
                    } else if (!isSpace(b)) {
                        return refuse("not well-formed: unexpected character in an end tag");
                    }
                }
                case PROCESSING_INSTRUCTION -> {
                    if (b == '>' && closingMark) {
                        state = CONTENT;
                    }
                    closingMark = b == '?';
                }
                case BANG -> {
                    if (b == '-') {
                        state = COMMENT_OPENING;
                    } else if (b == '[') {
                        state = CDATA;
                        run = 0;
                    } else {
                        return refuse("refused: DOCTYPE and other markup declarations are not allowed");
                    }
                }
                case COMMENT_OPENING -> {
                    if (b != '-') {
                        return refuse("not well-formed: '<!-' does not start a comment");
                    }
                    state = COMMENT;
                    run = 0;
                }
                case COMMENT -> {
                    if (b == '>' && run >= 2) {
                        state = CONTENT;
                    }
                    run = b == '-' ? run + 1 : 0;
                }
                case CDATA -> {
                    if (b == '>' && run >= 2) {
                        state = CONTENT;
                    }
                    run = b == ']' ? run + 1 : 0;
                }
                default -> throw new IllegalStateException("scanner state " + state);
            }
        }
        return NEED_MORE;
    }

    /** The start tag just read ends: {@link #ROOT_CLOSED} for a self-closing root, else OPEN or REFUSED. */
    private int closeStartTag(boolean selfClosing) {
        state = CONTENT;
        if (selfClosing) {
            return depth == 0 ? ROOT_CLOSED : OPEN;
        }
        if (depth == maxDepth) {
            return refuse("refused: element nesting exceeds " + maxDepth + " levels");
        }
        nameEnds[depth++] = namePosition;
        return OPEN;
    }

    /** The end tag just read matched; true when it closed the root. */
    private boolean closeEndTag() {
        state = CONTENT;
        return --depth == 0;
    }

    private int nameStart(int level) {
        return level == 0 ? 0 : nameEnds[level - 1];
    }

    private void appendNameByte(byte b) {
        if (namePosition == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[namePosition++] = b;
    }

    private int refuseEndTag() {
        int start = nameStart(depth - 1);
        String expected = new String(names, start, nameEnds[depth - 1] - start, StandardCharsets.UTF_8);
        return refuse("not well-formed: end tag does not match <" + expected + ">");
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
