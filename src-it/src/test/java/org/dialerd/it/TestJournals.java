package org.dialerd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dialerd.core.journal.JournalSettings;

/** A new, empty journal directory per dialerd a test starts, under target/it-journals. */
public final class TestJournals {
    private TestJournals() {
    }

    public static JournalSettings fresh() {
        try {
            Path root = Path.of(System.getProperty("user.dir"), "target", "it-journals");
            Files.createDirectories(root);
            return JournalSettings.in(Files.createTempDirectory(root, "journal-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a journal directory for a test", e);
        }
    }
}
