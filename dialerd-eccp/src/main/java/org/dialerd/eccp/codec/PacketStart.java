package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * What comes before a packet's first byte on an ECCP stream: XML whitespace between packets and a
 * UTF-8 byte order mark, both skipped (Aalto's non-blocking parser rejects a byte order mark;
 * libxml2, the reference's, skips it). Shared by the server's and the client's decoders.
 */
public final class PacketStart {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ByteProcessor XML_WHITESPACE = b -> b == ' ' || b == '\n' || b == '\r' || b == '\t';

    private PacketStart() {
    }

    /**
     * Consumes the whitespace and byte order mark before the next packet. Returns true when the
     * packet's first byte is at the reader index, false when the bytes so far are all whitespace or
     * may still be the start of a byte order mark (wait for more). Bytes that begin like a byte order
     * mark but are not one are left for the parser to refuse.
     */
    public static boolean skip(ByteBuf in) {
        int first = in.forEachByte(XML_WHITESPACE);
        if (first < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(first);
        if (in.getByte(first) == BOM[0]) {
            int available = in.readableBytes();
            int matching = 1;
            while (matching < Math.min(available, BOM.length) && in.getByte(first + matching) == BOM[matching]) {
                matching++;
            }
            if (matching == BOM.length) {
                in.skipBytes(BOM.length);
            } else if (matching == available) {
                return false;
            }
        }
        return true;
    }
}
