package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.store.IncomingCallStore;

/**
 * call_entry rows in memory, kept from the engine's journal records as the applier would write
 * them: each call's status as the reports would read it, and its progress log.
 */
final class MemoryIncomingCalls implements IncomingCallStore {
    static final class Row {
        final long id;
        final String uniqueId;
        String status = "en-cola";
        LocalDateTime end;
        final List<String> progress = new ArrayList<>();

        Row(long id, String uniqueId) {
            this.id = id;
            this.uniqueId = uniqueId;
        }
    }

    /** By call_entry.id, in the order the calls entered. */
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    List<MonitoredQueue> monitored = List.of(new MonitoredQueue(1, "8001", List.of()));

    @Override
    public List<MonitoredQueue> monitoredQueues() {
        return monitored;
    }

    /** A row a "previous run" wrote; its id is its position (1 for the first). */
    synchronized long callEntered(int queueCallEntryId, Integer campaignId, String callerId, String trunk,
                                  String uniqueId, LocalDateTime enteredQueue) {
        long id = rows.size() + 1;
        add(new Row(id, uniqueId));
        return id;
    }

    /** What the applier does with the records about incoming calls; other records are not ours. */
    synchronized void apply(JournalRecord record) {
        if (record instanceof JournalRecord.IncomingEntered r) {
            add(new Row(r.id(), r.uniqueId()));
        } else if (record instanceof JournalRecord.IncomingLinked r) {
            byId(r.callId()).status = "activa";
        } else if (record instanceof JournalRecord.IncomingFinished r) {
            byId(r.callId()).status = "terminada";
            byId(r.callId()).end = r.end();
        } else if (record instanceof JournalRecord.IncomingAbandoned r) {
            byId(r.callId()).status = "abandonada";
            byId(r.callId()).end = r.end();
        } else if (record instanceof JournalRecord.IncomingHeld r) {
            byId(r.callId()).status = r.held() ? "hold" : "activa";
        } else if (record instanceof JournalRecord.IncomingLostTrack r) {
            byId(r.callId()).status = "fin-monitoreo";
        } else if (record instanceof JournalRecord.Progress r && r.incoming()) {
            byId(r.callId()).progress.add(r.newStatus());
        }
    }

    private void add(Row row) {
        if (rows.putIfAbsent(row.id, row) != null) {
            throw new IllegalStateException("call_entry id " + row.id + " written twice");
        }
    }

    private Row byId(long id) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("no call_entry row " + id);
        }
        return row;
    }

    /** The {@code n}-th call that entered (1 for the first). */
    synchronized Row row(int n) {
        return new ArrayList<>(rows.values()).get(n - 1);
    }
}
