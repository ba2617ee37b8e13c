package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;

/**
 * The bytes a decoder hands its parser from one read, without consuming them: where they lie when the
 * buffer has an array, else (a direct buffer, a socket read) copied once into this window's own heap
 * array, at most {@value #COPY_CHUNK} bytes at a time. Shared by the server's and the client's decoders;
 * one window per connection, reused for every read.
 */
public final class ReadWindow {
    /** The most bytes copied out of a direct buffer at once. */
    public static final int COPY_CHUNK = 8192;

    private byte[] copy;
    private byte[] bytes;
    private int offset;
    private int length;

    /** Shows at most {@code limit} of {@code in}'s readable bytes. */
    public void over(ByteBuf in, int limit) {
        length = Math.min(in.readableBytes(), limit);
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            length = Math.min(length, COPY_CHUNK);
            if (copy == null || copy.length < length) {
                copy = new byte[Math.max(length, 256)];
            }
            bytes = copy;
            offset = 0;
            in.getBytes(in.readerIndex(), bytes, 0, length);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }
}
