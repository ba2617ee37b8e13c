package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drives inbound codecs on an {@link EmbeddedChannel}: each write is one TCP read. */
final class Inbound {
    private final EmbeddedChannel channel;
    private final boolean direct;

    private Inbound(boolean direct, ChannelHandler... handlers) {
        this.channel = new EmbeddedChannel(handlers);
        this.direct = direct;
    }

    /** Frame decoder alone, heap buffers. */
    static Inbound frames(int maxPacketBytes) {
        return new Inbound(false, new EccpFrameDecoder(maxPacketBytes));
    }

    /** Frame decoder alone, direct (off-heap) buffers as a socket read delivers them. */
    static Inbound framesFromDirectBuffers(int maxPacketBytes) {
        return new Inbound(true, new EccpFrameDecoder(maxPacketBytes));
    }

    /** The server's inbound codec stages: frames, then requests. */
    static Inbound requests() {
        return new Inbound(false, new EccpFrameDecoder(EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES),
                new EccpRequestDecoder());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one read and returns every message decoded so far and not yet taken. */
    List<Object> read(String text) {
        return read(utf8(text));
    }

    List<Object> read(byte[] bytes) {
        return read(bytes, 0, bytes.length);
    }

    List<Object> read(byte[] bytes, int from, int to) {
        ByteBuf buffer = direct ? Unpooled.directBuffer(to - from) : Unpooled.buffer(to - from);
        buffer.writeBytes(bytes, from, to - from);
        channel.writeInbound(buffer);
        return taken();
    }

    /** Writes the bytes as several reads cut at the given offsets; returns all messages decoded. */
    List<Object> readSplitAt(byte[] bytes, int... cuts) {
        List<Object> messages = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            messages.addAll(read(bytes, from, cut));
            from = cut;
        }
        messages.addAll(read(bytes, from, bytes.length));
        return messages;
    }

    /** Closes the channel, as when the client disconnects; returns anything decoded on the way. */
    List<Object> close() {
        channel.finish();
        return taken();
    }

    private List<Object> taken() {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    static String describeCuts(int... cuts) {
        return "cut at " + Arrays.toString(cuts);
    }
}
