package org.dialerd.eccp.client;

/**
 * Checks, byte by byte, that the bytes {@link XmlPushParser} reads are UTF-8 (shortest forms only, no
 * surrogates, nothing above U+10FFFF) and that every non-ASCII character is one XML allows
 * (U+FFFE and U+FFFF are not). State survives between reads, so a character may be split anywhere.
 */
final class Utf8Check {
    /** Continuation bytes still expected. */
    private int remaining;
    private int codePoint;
    /** The range the next continuation byte must be in (narrower after E0, ED, F0, F4). */
    private int low;
    private int high;

    void reset() {
        remaining = 0;
    }

    /** True while a multi-byte character has started and not ended. */
    boolean pending() {
        return remaining > 0;
    }

    /** Takes the next byte (non-ASCII, or any byte while {@link #pending}); false when it is not UTF-8. */
    boolean accept(byte b) {
        int u = b & 0xFF;
        if (remaining > 0) {
            if (u < low || u > high) {
                return false;
            }
            low = 0x80;
            high = 0xBF;
            codePoint = codePoint << 6 | (u & 0x3F);
            return --remaining > 0 || isXmlChar(codePoint);
        }
        low = 0x80;
        high = 0xBF;
        if (u >= 0xC2 && u <= 0xDF) {
            remaining = 1;
            codePoint = u & 0x1F;
        } else if (u >= 0xE0 && u <= 0xEF) {
            remaining = 2;
            codePoint = u & 0x0F;
            if (u == 0xE0) {
                low = 0xA0;
            } else if (u == 0xED) {
                high = 0x9F;
            }
        } else if (u >= 0xF0 && u <= 0xF4) {
            remaining = 3;
            codePoint = u & 0x07;
            if (u == 0xF0) {
                low = 0x90;
            } else if (u == 0xF4) {
                high = 0x8F;
            }
        } else {
            return false;
        }
        return true;
    }

    /** XML 1.0's Char production. */
    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
