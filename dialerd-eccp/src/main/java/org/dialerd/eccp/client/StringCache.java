package org.dialerd.eccp.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of a connection's answers that repeat from packet to packet (element names, short
 * values such as {@code outgoing}, {@code active}, {@code 1}), kept so that each answer does not
 * allocate them again. Direct-mapped and bounded: a slot holds the last string whose bytes hashed
 * to it; a miss makes the string and takes the slot. One per connection (the I/O thread's), not
 * thread-safe.
 */
final class StringCache {
    private final int maxBytes;
    private final byte[][] keys;
    private final String[] values;
    private final int mask;

    /** {@code slots}: a power of two; strings longer than {@code maxBytes} are made, not kept. */
    StringCache(int slots, int maxBytes) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.maxBytes = maxBytes;
        this.keys = new byte[slots][];
        this.values = new String[slots];
        this.mask = slots - 1;
    }

    String get(byte[] bytes, int from, int length, boolean ascii) {
        if (length == 0) {
            return "";
        }
        if (length > maxBytes) {
            return make(bytes, from, length, ascii);
        }
        int hash = length;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ hash >>> 16) & mask;
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, from, from + length)) {
            return values[slot];
        }
        String value = make(bytes, from, length, ascii);
        keys[slot] = Arrays.copyOfRange(bytes, from, from + length);
        values[slot] = value;
        return value;
    }

    private static String make(byte[] bytes, int from, int length, boolean ascii) {
        return new String(bytes, from, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
