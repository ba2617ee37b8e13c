package org.dialerd.core.journal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.dialerd.core.DialerdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row ids for the tables dialerd inserts into ({@link IdTable}), handed out from blocks
 * reserved in the database ({@code dialerd_id_block}), so no insert waits for AUTO_INCREMENT
 * and several dialerd hosts on one cluster never collide. Each table keeps the block in use and
 * a spare one: ids for about {@code 2 × blockSize} rows without the database, refilled in the
 * background once the current block is half used. Every reservation is journalled
 * ({@link JournalRecord.IdsReserved}). A restart reserves new blocks: the rest of an old one is
 * never reused.
 */
public final class IdAllocator {
    private static final Logger log = LoggerFactory.getLogger(IdAllocator.class);

    /** The database side: reserves {@code count} ids of the table and returns the first. */
    @FunctionalInterface
    public interface BlockSource {
        long reserve(IdTable table, int count);
    }

    /** Ran out of ids: the database was away longer than the reserved blocks last. */
    public static final class IdsExhaustedException extends DialerdException {
        IdsExhaustedException(String message) {
            super(message);
        }
    }

    private static final class Blocks {
        long next;
        long end; // exclusive
        long spareFirst = -1;
        boolean refilling;
    }

    private final BlockSource source;
    private final int blockSize;
    private final Executor refill;
    private final Consumer<JournalRecord> journal;
    private final Map<IdTable, Blocks> tables = new EnumMap<>(IdTable.class);

    /**
     * @param refill  runs background reservations (a thread that may block on the database)
     * @param journal receives an {@link JournalRecord.IdsReserved} for every block
     */
    public IdAllocator(BlockSource source, int blockSize, Executor refill, Consumer<JournalRecord> journal) {
        if (blockSize < 10) {
            throw new IllegalArgumentException("journal.id_block = " + blockSize + ": must be at least 10");
        }
        this.source = source;
        this.blockSize = blockSize;
        this.refill = refill;
        this.journal = journal;
    }

    /** Reserves the first block of every table now (the database must answer: this is start-up). */
    public IdAllocator start() {
        for (IdTable table : IdTable.values()) {
            Blocks blocks = new Blocks();
            long first = reserve(table);
            blocks.next = first;
            blocks.end = first + blockSize;
            synchronized (this) {
                tables.put(table, blocks);
            }
        }
        return this;
    }

    /** The next id of the table. */
    public synchronized long next(IdTable table) {
        Blocks blocks = tables.get(table);
        if (blocks == null) {
            throw new IllegalStateException("IdAllocator not started");
        }
        if (blocks.next >= blocks.end) {
            if (blocks.spareFirst < 0) {
                throw new IdsExhaustedException("no " + table.tableName() + " ids left: the database has been"
                        + " unreachable for " + 2 * blockSize + " rows (raise journal.id_block)");
            }
            blocks.next = blocks.spareFirst;
            blocks.end = blocks.spareFirst + blockSize;
            blocks.spareFirst = -1;
        }
        long id = blocks.next++;
        if (blocks.spareFirst < 0 && !blocks.refilling && blocks.end - blocks.next < blockSize / 2) {
            blocks.refilling = true;
            CompletableFuture.runAsync(() -> refill(table, blocks), refill);
        }
        return id;
    }

    /** Ids of the table still available without the database. */
    public synchronized long remaining(IdTable table) {
        Blocks blocks = tables.get(table);
        return blocks == null ? 0 : blocks.end - blocks.next + (blocks.spareFirst < 0 ? 0 : blockSize);
    }

    /** Retries until the database answers; the allocator keeps handing out the current block meanwhile. */
    private void refill(IdTable table, Blocks blocks) {
        long first;
        try {
            first = reserve(table);
        } catch (RuntimeException e) {
            log.warn("cannot reserve {} ids yet ({}); {} left", table.tableName(), e.getMessage(), remaining(table));
            synchronized (this) {
                blocks.refilling = false; // the next next() asks again
            }
            return;
        }
        synchronized (this) {
            blocks.spareFirst = first;
            blocks.refilling = false;
        }
    }

    private long reserve(IdTable table) {
        long first = source.reserve(table, blockSize);
        journal.accept(new JournalRecord.IdsReserved(table, first, first + blockSize - 1));
        log.debug("reserved {} ids {}..{}", table.tableName(), first, first + blockSize - 1);
        return first;
    }
}
