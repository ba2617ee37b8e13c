package org.dialerd.eccp.client;

/**
 * Byte classes of {@link XmlPushParser}: whitespace and name characters. Names are checked as ASCII
 * XML names; every byte of a non-ASCII character (already checked as UTF-8) is accepted in a name,
 * since XML's exact classes of non-ASCII name characters are not tabulated here.
 */
final class XmlNames {
    private XmlNames() {
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    static boolean isNameStart(byte b) {
        return b < 0 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':';
    }

    static boolean isNameChar(byte b) {
        return isNameStart(b) || (b >= '0' && b <= '9') || b == '-' || b == '.';
    }
}
