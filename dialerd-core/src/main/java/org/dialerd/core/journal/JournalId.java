package org.dialerd.core.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The journal directory's name in the database ({@code dialerd_journal_applied.host_id}),
 * kept in {@code journal.id}: host name plus a random part, made once. A directory that is
 * lost and made anew gets a new id, so its fresh sequence numbers are never taken for ones
 * the database already applied.
 */
final class JournalId {
    static final String FILE = "journal.id";
    private static final int MAX_LENGTH = 64;

    private JournalId() {
    }

    static String readOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "dialerd";
        }
        String suffix = "-" + HexFormat.of().formatHex(random);
        host = host.replaceAll("[^A-Za-z0-9_.-]", "_");
        String id = host.substring(0, Math.min(host.length(), MAX_LENGTH - suffix.length())) + suffix;
        Path temporary = dir.resolve(FILE + ".tmp");
        Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return id;
    }
}
