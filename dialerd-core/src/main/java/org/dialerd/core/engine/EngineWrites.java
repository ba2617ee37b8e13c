package org.dialerd.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;

/**
 * How the engine changes the database without waiting for it: it takes row ids from dialerd's
 * own blocks, and writes are records appended to the durable journal, applied later in order.
 * The engine never blocks here; events are built from its own state at once.
 */
public interface EngineWrites {

    /** A fresh id for a row of the table (never handed out twice). */
    long newId(IdTable table);

    /** Appends the write to the journal; it reaches the database in submission order. */
    void write(JournalRecord record);

    /**
     * Runs a read off the engine thread once every write submitted before it has reached the
     * database (a read never misses the engine's own writes). While the database is down the
     * read waits for it.
     */
    <T> CompletableFuture<T> readAfterWrites(String description, Supplier<T> read);

    /** True once dialerd is stopping and takes no more reads (the dialer then stops quietly). */
    default boolean isClosed() {
        return false;
    }
}
