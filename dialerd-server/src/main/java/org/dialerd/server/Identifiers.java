package org.dialerd.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The ids a running dialerd makes up: its calls' and spy channels' uniqueids, ECCP login cookies. */
final class Identifiers {
    private Identifiers() {
    }

    /** Uniqueids dialerd gives its calls: unique across restarts, short enough for the 32-char columns. */
    static String uniqueIdPrefix() {
        return "dialerd-" + (System.currentTimeMillis() / 1000);
    }

    /**
     * The spy channels' uniqueids ({@code dialerd_supervisor_audit.spy_id}): the start second and
     * four random letters, so two hosts started in the same second on one PBX and database
     * choose different ids.
     */
    static String spyIdPrefix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder tag = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        return uniqueIdPrefix() + tag;
    }

    /** The ECCP session cookies: 16 random bytes in hex. */
    static Supplier<String> cookieSource() {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return hex.formatHex(bytes);
        };
    }
}
