package org.dialerd.eccp.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lowercase hex MD5, as ECCP uses for client passwords and agent hashes. */
public final class Md5 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Md5() {
    }

    public static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** {@code md5hex(app_cookie + agent_number + eccp_password)}. */
    public static String agentHash(String appCookie, String agentNumber, String eccpPassword) {
        return hex(appCookie + agentNumber + eccpPassword);
    }
}
