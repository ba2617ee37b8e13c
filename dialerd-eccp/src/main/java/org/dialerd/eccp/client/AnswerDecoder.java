package org.dialerd.eccp.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.codec.PacketStart;
import org.dialerd.eccp.codec.ReadWindow;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The client's first inbound stage: cuts the server's byte stream into packets and parses each into
 * an {@link XmlElement} in the same pass, with one {@link XmlPushParser} per connection fed every
 * byte as it arrives (the server's {@link EccpFrameDecoder} makes a parser per packet and frames with
 * a second scanner).
 *
 * <pre>{@code
 * bytes in:  <?xml version="1.0"?>\n<response id="1"><getpauses_response>...</response>\n<event><ag
 * out:       <response id="1">...      (the event is waited for)
 *
 * bytes in:  <response id="2"><x></response>
 * out:       DecodeFailure("not well-formed: end tag does not match <x>", fatal=true); every further
 *            byte is discarded ({@link AnswerMatcher} fails the requests waiting and closes)
 * }</pre>
 *
 * <p>Same framing and limits as the server's decoder: whitespace and a UTF-8 byte order mark before a
 * packet are skipped without being buffered; a packet longer than {@code maxPacketBytes} (counted from
 * its first other byte) or nested deeper than {@link EccpFrameDecoder#MAX_DEPTH} is refused, naming the
 * limit. Bytes are read where they lie when the buffer has an array; a direct buffer (a socket read) is
 * copied to the heap at most {@value ReadWindow#COPY_CHUNK} bytes at a time, once. Nothing is kept between reads
 * but the parser's state: a packet split over many reads is never gathered into one buffer.
 */
final class AnswerDecoder extends ByteToMessageDecoder {

    private final int maxPacketBytes;
    private final XmlPushParser parser = new XmlPushParser(EccpFrameDecoder.MAX_DEPTH);
    private boolean inPacket;
    private int packetBytes;
    private boolean failed;
    private final ReadWindow window = new ReadWindow();

    AnswerDecoder(int maxPacketBytes) {
        if (maxPacketBytes < 1) {
            throw new IllegalArgumentException("maxPacketBytes must be at least 1, got " + maxPacketBytes);
        }
        this.maxPacketBytes = maxPacketBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.isReadable()) {
            if (!inPacket && !startPacket(in)) {
                return;
            }
            feed(in, out);
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** Skips whitespace (and a byte order mark) before a packet; true when the packet's first byte is here. */
    private boolean startPacket(ByteBuf in) {
        if (!PacketStart.skip(in)) {
            return false;
        }
        inPacket = true;
        packetBytes = 0;
        parser.reset();
        return in.isReadable();
    }

    /** Hands the parser the readable bytes of the current packet (never beyond its end) and consumes them. */
    private void feed(ByteBuf in, List<Object> out) {
        window.over(in, maxPacketBytes - packetBytes);
        byte[] bytes = window.bytes();
        int offset = window.offset();
        int length = window.length();
        int end = parser.feed(bytes, offset, offset + length);
        if (end == XmlPushParser.REFUSED) {
            fail(out, parser.refusal());
            return;
        }
        int fed = end == XmlPushParser.NEED_MORE ? length : end - offset;
        in.skipBytes(fed);
        packetBytes += fed;
        if (end != XmlPushParser.NEED_MORE) {
            inPacket = false;
            out.add(parser.root());
            parser.reset();
        } else if (packetBytes == maxPacketBytes) {
            fail(out, "packet exceeds " + maxPacketBytes + " bytes");
        }
    }

    private void fail(List<Object> out, String reason) {
        failed = true;
        out.add(new DecodeFailure(reason, true));
        parser.reset();
    }
}
