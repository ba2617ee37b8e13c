package org.dialerd.eccp.client;

/**
 * A processing instruction {@link XmlPushParser} is reading after {@code <?}: its target name, then
 * its body up to {@code ?>}. The target {@code xml} is the XML declaration, allowed only as the
 * packet's first markup and checked ({@link XmlDeclaration}); other targets spelled like it
 * ({@code XML}, {@code xMl}) are reserved and refused. Other instructions are skipped.
 */
final class ProcessingInstruction {
    /** {@link #add} result: the instruction goes on. */
    static final int MORE = 0;
    /** {@link #add} result: its {@code ?>} was read. */
    static final int ENDED = 1;
    /** {@link #add} result: refused, see {@link #refusal()}. */
    static final int REFUSED = 2;

    private final ByteText target = new ByteText();
    /** The declaration's body (other bodies are not kept). */
    private final ByteText body = new ByteText();
    private boolean inTarget;
    private boolean mayBeDeclaration;
    private boolean declaration;
    /** The last byte was a '?' (not yet kept in the body: it may start the "?>"). */
    private boolean question;
    private String refusal = "";

    /** After {@code <?}; {@code packetStart}: the {@code <} was the packet's first byte. */
    void start(boolean packetStart) {
        target.clear();
        body.clear();
        inTarget = true;
        mayBeDeclaration = packetStart;
        declaration = false;
        question = false;
    }

    int add(byte b) {
        return inTarget ? addToTarget(b) : addToBody(b);
    }

    String refusal() {
        return refusal;
    }

    private int addToTarget(byte b) {
        if (target.length() == 0 ? XmlNames.isNameStart(b) : XmlNames.isNameChar(b)) {
            target.append(b);
            return MORE;
        }
        if (target.length() == 0 || !(XmlNames.isSpace(b) || b == '?')) {
            return refuse("not well-formed: a processing instruction needs a target name");
        }
        boolean xml = target.contentEquals("xml");
        if (xml && !mayBeDeclaration) {
            return refuse("not well-formed: an XML declaration is only allowed at the start of a packet");
        }
        if (!xml && target.length() == 3 && target.string().equalsIgnoreCase("xml")) {
            return refuse("not well-formed: the processing instruction target 'xml' is reserved");
        }
        declaration = xml;
        inTarget = false;
        question = b == '?';
        return MORE;
    }

    private int addToBody(byte b) {
        if (b == '>' && question) {
            if (declaration) {
                String refused = XmlDeclaration.check(body.bytes(), body.length());
                if (refused != null) {
                    return refuse(refused);
                }
            }
            return ENDED;
        }
        if (declaration) {
            if (b == '>' || b == '<') {
                return refuse("not well-formed: the XML declaration must end with '?>'");
            }
            if (question) {
                body.append((byte) '?');
            }
            if (b != '?') {
                body.append(b);
            }
        }
        question = b == '?';
        return MORE;
    }

    private int refuse(String why) {
        refusal = why;
        return REFUSED;
    }
}
