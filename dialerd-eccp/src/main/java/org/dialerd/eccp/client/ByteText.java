package org.dialerd.eccp.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable run of UTF-8 bytes (a name, an attribute value, an element's text) read by
 * {@link XmlPushParser}, turned into a {@link String} once it is complete. The bytes are already
 * validated as UTF-8 by the parser; while they are all ASCII the string is made without decoding.
 */
final class ByteText {
    /** A buffer that grew past this for one huge value is not kept for the next packet. */
    private static final int RETAINED_CAPACITY = 4096;

    private byte[] bytes = new byte[64];
    private int length;
    private boolean ascii = true;

    void clear() {
        length = 0;
        ascii = true;
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[64];
        }
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
        if (b < 0) {
            ascii = false;
        }
    }

    void append(byte[] from, int offset, int count, boolean allAscii) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
        ascii &= allAscii;
    }

    /** Appends a code point (from a character reference) as UTF-8. */
    void appendCodePoint(int c) {
        if (c < 0x80) {
            append((byte) c);
        } else if (c < 0x800) {
            append((byte) (0xC0 | c >> 6));
            append((byte) (0x80 | c & 0x3F));
        } else if (c < 0x10000) {
            append((byte) (0xE0 | c >> 12));
            append((byte) (0x80 | c >> 6 & 0x3F));
            append((byte) (0x80 | c & 0x3F));
        } else {
            append((byte) (0xF0 | c >> 18));
            append((byte) (0x80 | c >> 12 & 0x3F));
            append((byte) (0x80 | c >> 6 & 0x3F));
            append((byte) (0x80 | c & 0x3F));
        }
    }

    /** Drops the last {@code count} bytes (the "]]" of a CDATA section's end, ASCII). */
    void truncate(int count) {
        length -= count;
    }

    boolean contentEquals(String ascii) {
        if (ascii.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String string() {
        return string(0, length);
    }

    String string(int from, int to) {
        return new String(bytes, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The string, shared with earlier packets through {@code cache} when it is short. */
    String string(StringCache cache) {
        return cache.get(bytes, 0, length, ascii);
    }
}
