package org.dialerd.sim.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads AMI actions from a byte stream: lines of {@code Name: value} ended by CRLF (bare LF is
 * tolerated, as Asterisk does), one empty line ends the action.
 *
 * <pre>
 * Action: Ping\r\n
 * ActionID: 42\r\n
 * \r\n
 * </pre>
 *
 * Limits mirror Asterisk's manager.c: a line longer than {@value #MAX_LINE} bytes or an action with
 * more than {@value #MAX_HEADERS} headers is a protocol error (Asterisk drops the extra data; we
 * close the connection with a message naming the limit). Lines without a colon are ignored.
 */
public final class AmiActionReader {

    /** Asterisk reads at most 1025-byte lines into its input buffer. */
    public static final int MAX_LINE = 1025;
    /** AST_MAX_MANHEADERS in manager.c. */
    public static final int MAX_HEADERS = 128;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];

    public AmiActionReader(InputStream in) {
        this.in = in;
    }

    /** Next complete action, or null at end of stream. */
    public AmiMessage read() throws IOException {
        AmiMessage.Builder b = AmiMessage.builder();
        int headers = 0;
        while (true) {
            String l = readLine();
            if (l == null) {
                return null;
            }
            if (l.isEmpty()) {
                if (headers == 0) {
                    continue; // stray blank lines between actions
                }
                return b.build();
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            if (++headers > MAX_HEADERS) {
                throw new AmiProtocolException("action has more than " + MAX_HEADERS + " headers (MAX_HEADERS)");
            }
            String value = l.substring(colon + 1);
            b.add(l.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value);
        }
    }

    private String readLine() throws IOException {
        int len = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
            if (len == MAX_LINE) {
                throw new AmiProtocolException("line longer than " + MAX_LINE + " bytes (MAX_LINE)");
            }
            line[len++] = (byte) c;
        }
    }
}
