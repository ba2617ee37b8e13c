package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;

/**
 * Writes responses and events exactly as the reference daemon frames them: the XML declaration
 * (without encoding), a newline, the document on one line, a newline.
 *
 * <pre>{@code
 * <response id="1"><login_response><success/><app_cookie>1be2…30cb</app_cookie></login_response></response>
 *   -> <?xml version="1.0"?>\n
 *      <response id="1"><login_response><success/><app_cookie>1be2…30cb</app_cookie></login_response></response>\n
 *      (written as the declaration, "\n", the document, "\n")
 * }</pre>
 *
 * <p>{@link XmlWriter} output is pure ASCII (non-ASCII goes out as {@code &#xF1;}), so the bytes are
 * written as ASCII. No size limit: packets are built by our own handlers. Stateless, hence sharable.
 */
@Sharable
public final class EccpPacketEncoder extends MessageToByteEncoder<XmlElement> {
    static final String DECLARATION = "<?xml version=\"1.0\"?>\n";

    public EccpPacketEncoder() {
        super(XmlElement.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, XmlElement packet, ByteBuf out) {
        StringBuilder text = new StringBuilder(256).append(DECLARATION);
        XmlWriter.write(packet, text);
        text.append('\n');
        ByteBufUtil.writeAscii(out, text);
    }
}
