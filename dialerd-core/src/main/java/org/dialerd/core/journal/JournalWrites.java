package org.dialerd.core.journal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dialerd.core.DaemonThreads;
import org.dialerd.core.engine.EngineWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EngineWrites} over the journal and the id allocator; reads run on their own thread. */
public final class JournalWrites implements EngineWrites, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalWrites.class);

    private final Journal journal;
    private final IdAllocator ids;
    private final ExecutorService reads = Executors.newSingleThreadExecutor(DaemonThreads.named("dialerd-engine-reads"));

    public JournalWrites(Journal journal, IdAllocator ids) {
        this.journal = journal;
        this.ids = ids;
    }

    @Override
    public long newId(IdTable table) {
        return ids.next(table);
    }

    @Override
    public void write(JournalRecord record) {
        journal.append(record).whenComplete((seq, error) -> {
            if (error != null) {
                log.error("journal did not take {}: {}", record, error.toString());
            }
        });
    }

    @Override
    public <T> CompletableFuture<T> readAfterWrites(String description, Supplier<T> read) {
        long seq = journal.lastAppended();
        return journal.whenApplied(seq).thenApplyAsync(ignored -> read.get(), reads);
    }

    @Override
    public boolean isClosed() {
        return reads.isShutdown();
    }

    @Override
    public void close() {
        reads.shutdownNow();
        try {
            reads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
