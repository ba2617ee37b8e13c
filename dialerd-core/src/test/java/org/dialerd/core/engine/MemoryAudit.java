package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.store.AuditStore;

/** audit rows in memory. */
final class MemoryAudit implements AuditStore {
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

    @Override
    public synchronized long open(int agentId, Integer breakId, LocalDateTime start, String extParked) {
        Row row = new Row(rows.size() + 1, agentId, breakId, start);
        rows.add(row);
        return row.id;
    }

    @Override
    public synchronized void close(long auditId, LocalDateTime end, Duration duration) {
        Row row = rows.get((int) auditId - 1);
        if (row.end == null) {
            row.end = end;
            row.duration = duration;
        }
    }

    /** Rows left open by a "previous run"; with {@link #lastKnown} as every agent's last known time. */
    @Override
    public synchronized List<OpenRow> openRows() {
        return rows.stream().filter(r -> r.end == null).map(r -> new OpenRow(r.id, r.agentId, r.breakId, null, r.start,
                lastKnown)).toList();
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
