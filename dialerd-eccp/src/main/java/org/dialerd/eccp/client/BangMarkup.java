package org.dialerd.eccp.client;

/**
 * What {@link XmlPushParser} reads after {@code <!}: a comment up to {@code -->} (with no {@code --}
 * inside), or the {@code [CDATA[} that opens a CDATA section inside the root. Anything else is a
 * markup declaration ({@code <!DOCTYPE}, {@code <!ENTITY}, …), refused at its first letter: ECCP has
 * no DTD, so there are no external entities and no entity expansion.
 */
final class BangMarkup {
    /** {@link #add} result: the markup goes on. */
    static final int MORE = 0;
    /** {@link #add} result: the comment's {@code -->} was read. */
    static final int COMMENT_ENDED = 1;
    /** {@link #add} result: {@code <![CDATA[} was read; the section's text follows. */
    static final int CDATA_STARTED = 2;
    /** {@link #add} result: refused, see {@link #refusal()}. */
    static final int REFUSED = 3;

    private static final String CDATA_START = "CDATA[";
    private static final int BANG = 0;
    private static final int COMMENT_OPEN = 1;
    private static final int COMMENT = 2;
    private static final int CDATA_OPEN = 3;

    private int state;
    /** COMMENT: consecutive '-'. CDATA_OPEN: bytes of "CDATA[" matched. */
    private int run;
    private boolean inRoot;
    private String refusal = "";

    /** After {@code <!}; {@code inRoot}: inside the root element, where CDATA is allowed. */
    void start(boolean inRoot) {
        this.inRoot = inRoot;
        state = BANG;
        run = 0;
    }

    String refusal() {
        return refusal;
    }

    int add(byte b) {
        switch (state) {
            case BANG -> {
                if (b == '-') {
                    state = COMMENT_OPEN;
                } else if (b == '[' && inRoot) {
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
                    return b == '>' ? COMMENT_ENDED : refuse("not well-formed: '--' is not allowed in a comment");
                }
                run = b == '-' ? run + 1 : 0;
            }
            case CDATA_OPEN -> {
                if (b != CDATA_START.charAt(run)) {
                    return refuse("not well-formed: '<![' does not start a CDATA section");
                }
                if (++run == CDATA_START.length()) {
                    return CDATA_STARTED;
                }
            }
            default -> throw new IllegalStateException("markup state " + state);
        }
        return MORE;
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }
}
