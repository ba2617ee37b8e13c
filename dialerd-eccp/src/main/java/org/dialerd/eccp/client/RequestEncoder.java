package org.dialerd.eccp.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.dialerd.eccp.xml.XmlWriter;

/**
 * Writes a client's requests with the framing the server's encoder gives its packets: the XML
 * declaration, a newline, the document on one line, a newline.
 *
 * <pre>{@code
 * OutgoingRequest("7", <getpauses/>)  ->  <?xml version="1.0"?>\n<request id="7"><getpauses/></request>\n
 * }</pre>
 *
 * <p>The {@code <request>} wrapper is written around the body directly, not built as an element
 * first (a map of one attribute and a list of one child per request), into one text buffer per
 * connection that is reused; the bytes then go into a buffer of exactly their size. Non-ASCII goes
 * out as character references ({@link XmlWriter}), so the text is ASCII. One per channel.
 */
final class RequestEncoder extends MessageToMessageEncoder<OutgoingRequest> {
    private static final String DECLARATION = "<?xml version=\"1.0\"?>\n";
    /** A buffer that grew past this for one huge request (a saveformdata with long texts) is not kept. */
    private static final int KEEP_CHARS = 16 * 1024;

    private StringBuilder text = new StringBuilder(512);

    RequestEncoder() {
        super(OutgoingRequest.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutgoingRequest request, List<Object> out) {
        text.setLength(0);
        text.append(DECLARATION).append("<request id=\"").append(request.id()).append("\">");
        XmlWriter.write(request.body(), text);
        text.append("</request>\n");
        ByteBuf bytes = ctx.alloc().ioBuffer(text.length());
        ByteBufUtil.writeAscii(bytes, text);
        out.add(bytes);
        if (text.capacity() > KEEP_CHARS) {
            text = new StringBuilder(512);
        }
    }
}
