package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;

/**
 * The engine's writes applied at once, in memory: audit records become rows, every record is
 * kept in order. The journal itself is tested on its own (journal package).
 */
final class MemoryAudit implements EngineWrites {
    static final class Row {
        final long id;
        final int agentId;
        final Integer breakId;
        final LocalDateTime start;
        LocalDateTime end;
        Duration duration;

        Row(long id, int agentId, Integer breakId, LocalDateTime start) {
            this.id = id;
            this.agentId = agentId;
            this.breakId = breakId;
            this.start = start;
        }
    }

    final List<Row> rows = new ArrayList<>();
    final List<JournalRecord> records = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized long newId(IdTable table) {
        return nextId++;
    }

    @Override
    public synchronized void write(JournalRecord record) {
        records.add(record);
        if (record instanceof JournalRecord.AuditOpened o) {
            rows.add(new Row(o.id(), o.agentId(), o.breakId(), o.start()));
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

    synchronized List<Row> open() {
        return rows.stream().filter(r -> r.end == null).toList();
    }

    synchronized List<Row> snapshot() {
        return new ArrayList<>(rows);
    }
}
