package org.dialerd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dialerd.core.journal.JournalSettings;

/**
 * A new, empty journal directory per dialerd a test starts. They live in memory when the
 * machine has a tmpfs at {@code /dev/shm} with room to spare (a directory of this JVM's,
 * deleted when it exits): the journal forces every group commit to disk, and on a busy build
 * machine each force took from a few to tens of milliseconds, which every test that waits for
 * a row waited too. A forced write to tmpfs survives everything these tests do (a killed
 * process included). Elsewhere, or with {@code -Ddialerd.test.journals=DIR}, they go under
 * that directory ({@code target/it-journals} by default).
 */
public final class TestJournals {
    /** Free space /dev/shm must have to be used (docker's default /dev/shm is 64 MB). */
    private static final long MIN_FREE_BYTES = 512L << 20;
    private static final Path ROOT = root();

    private TestJournals() {
    }

    public static JournalSettings fresh() {
        try {
            Files.createDirectories(ROOT);
            return JournalSettings.in(Files.createTempDirectory(ROOT, "journal-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a journal directory for a test", e);
        }
    }

    /** Where this JVM's test journals go. */
    public static Path root() {
        String configured = System.getProperty("dialerd.test.journals");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > MIN_FREE_BYTES) {
                Path mine = Files.createTempDirectory(shm, "dialerd-it-journals-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(mine), "TestJournals-cleanup"));
                return mine;
            }
        } catch (IOException | RuntimeException e) {
            // no usable tmpfs: the default below
        }
        return Path.of(System.getProperty("user.dir"), "target", "it-journals");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; what is left is in /dev/shm/dialerd-it-journals-*
        }
    }
}
