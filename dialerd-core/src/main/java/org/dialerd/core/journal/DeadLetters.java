package org.dialerd.core.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dead-letter.log} in the journal directory: one line per record the database refused
 * for good, with its seq, when it was appended, why it was refused and its whole payload, so an
 * administrator can fix the cause and write the row by hand. Each record is logged once, at
 * ERROR, with the same text.
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    public static final String FILE = "dead-letter.log";

    private final Path file;
    private long count;

    public DeadLetters(Path journalDir) {
        this.file = journalDir.resolve(FILE);
    }

    public synchronized void add(JournalEntry entry, String reason) {
        count++;
        String line = "seq=" + entry.seq() + " appended=" + Instant.ofEpochMilli(entry.appendedAtMillis())
                + " reason=" + reason.replace('\n', ' ') + " record=" + entry.record() + "\n";
        log.error("journal record seq {} refused by the database for good, moved to {}: {} {}", entry.seq(), file,
                reason, entry.record());
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            log.error("cannot append to the dead-letter file {} ({}); the record above is only in this log", file,
                    e.toString());
        }
    }

    /** Records dead-lettered since start. */
    public synchronized long count() {
        return count;
    }

    public Path file() {
        return file;
    }
}
