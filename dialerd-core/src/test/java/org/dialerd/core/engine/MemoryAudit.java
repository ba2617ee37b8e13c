package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.store.AuditStore;

/**
 * The engine's writes applied at once, in memory: audit records become rows, records about
 * calls go to the call stores given, every record is kept in order. The journal itself is tested on its own (journal package).
 */
final class MemoryAudit implements EngineWrites {
    static final class Row {
        final long id;
        final int agentId;
        final Integer breakId;
        final LocalDateTime start;
        final String extParked;
        LocalDateTime end;
        Duration duration;

        Row(long id, int agentId, Integer breakId, LocalDateTime start, String extParked) {
            this.id = id;
            this.agentId = agentId;
            this.breakId = breakId;
            this.start = start;
            this.extParked = extParked;
        }
    }

    final List<Row> rows = new ArrayList<>();
    final List<JournalRecord> records = new ArrayList<>();
    /** The in-memory call stores that apply the records about their calls, as the applier would. */
    private final List<Consumer<JournalRecord>> stores;
    private long nextId = 1;
    private boolean keepRecords = true;

    @SafeVarargs
    MemoryAudit(Consumer<JournalRecord>... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public synchronized long newId(IdTable table) {
        return nextId++;
    }

    @Override
    public synchronized void write(JournalRecord record) {
        if (keepRecords) {
            records.add(record);
        }
        stores.forEach(store -> store.accept(record));
        if (record instanceof JournalRecord.AuditOpened o) {
            rows.add(new Row(o.id(), o.agentId(), o.breakId(), o.start(), o.extParked()));
        } else if (record instanceof JournalRecord.AuditClosed c) {
            Row row = rows.stream().filter(r -> r.id == c.id()).findFirst().orElseThrow();
            if (row.end == null) {
                row.end = c.end();
                row.duration = Duration.ofSeconds(c.durationSeconds());
            }
        }
    }

    @Override
    public <T> CompletableFuture<T> readAfterWrites(String description, Supplier<T> read) {
        return CompletableFuture.completedFuture(read.get());
    }

    /** For long runs: the records are applied but not kept. */
    MemoryAudit forgetting() {
        keepRecords = false;
        return this;
    }

    /** A row a "previous run" opened. */
    long open(int agentId, Integer breakId, LocalDateTime start, String extParked) {
        long id = newId(IdTable.AUDIT);
        write(new JournalRecord.AuditOpened(id, agentId, breakId, start, extParked));
        return id;
    }

    /** Rows left open by a "previous run"; with {@link #lastKnown} as every agent's last known time. */
    synchronized List<AuditStore.OpenRow> openRows() {
        return rows.stream().filter(r -> r.end == null).map(r -> new AuditStore.OpenRow(r.id, r.agentId, r.breakId,
                null, r.start, lastKnown, r.extParked)).toList();
    }

    /** The last known time {@link #openRows()} reports. */
    volatile LocalDateTime lastKnown = LocalDateTime.of(2026, 11, 22, 9, 30);

    synchronized List<Row> open() {
        return rows.stream().filter(r -> r.end == null).toList();
    }

    synchronized List<Row> snapshot() {
        return new ArrayList<>(rows);
    }
}
