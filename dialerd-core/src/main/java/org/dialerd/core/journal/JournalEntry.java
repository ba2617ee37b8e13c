package org.dialerd.core.journal;

import java.util.Objects;

/**
 * A record as the journal holds it: its sequence number (1, 2, ... for the life of the journal
 * directory, never reused) and when it was appended (epoch milliseconds).
 */
public record JournalEntry(long seq, long appendedAtMillis, JournalRecord record) {
    public JournalEntry {
        Objects.requireNonNull(record, "record");
        if (seq < 1) {
            throw new IllegalArgumentException("journal sequence numbers start at 1, was " + seq);
        }
    }
}
