package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
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
 *
 * <p>The text is written into one reusable buffer per thread, then copied into a buffer of exactly
 * its size: no growing copies of a fresh builder per packet (getcampaigninfo's 1.5 KB answer grew
 * one four times) and no buffer reallocation.
 */
@Sharable
public final class EccpPacketEncoder extends MessageToMessageEncoder<XmlElement> {
    static final String DECLARATION = "<?xml version=\"1.0\"?>\n";
    /** A thread's buffer that grew past this (one huge answer) is not kept. */
    private static final int KEEP_CHARS = 64 * 1024;
    private static final FastThreadLocal<StringBuilder> TEXT = new FastThreadLocal<>() {
        @Override
        protected StringBuilder initialValue() {
            return new StringBuilder(2048);
        }
    };

    public EccpPacketEncoder() {
        super(XmlElement.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, XmlElement packet, List<Object> out) {
        StringBuilder text = TEXT.get();
        text.setLength(0);
        text.append(DECLARATION);
        XmlWriter.write(packet, text);
        text.append('\n');
        ByteBuf bytes = ctx.alloc().ioBuffer(text.length());
        ByteBufUtil.writeAscii(bytes, text);
        out.add(bytes);
        if (text.capacity() > KEEP_CHARS) {
            TEXT.remove();
        }
    }
}
