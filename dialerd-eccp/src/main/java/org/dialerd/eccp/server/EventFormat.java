package org.dialerd.eccp.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;

/**
 * How events are written to one kind of subscriber: ECCP's XML packets here, JSON WebSocket
 * frames in the HTTP face. {@link SessionRegistry} encodes each event once per format that has
 * subscribers, and every subscriber of that format gets the same bytes.
 */
public interface EventFormat {
    /** {@code <?xml version="1.0"?>\n<event>…</event>\n}, as the reference writes events. */
    EventFormat ECCP = event -> {
        StringBuilder text = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n");
        XmlWriter.write(event, text);
        text.append('\n');
        ByteBuf packet = Unpooled.unreleasableBuffer(
                Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.US_ASCII)).asReadOnly());
        return packet::duplicate;
    };

    /** Encodes {@code <event>…</event>} once for every subscriber of this format. */
    Encoded encode(XmlElement event);

    /** One event, encoded. */
    @FunctionalInterface
    interface Encoded {
        /** A message for one channel write; it shares the encoded bytes with the other writes. */
        Object message();
    }
}
