package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.store.IncomingCallStore;

/** call_entry rows in memory: each call's status as the reports would read it, and its progress log. */
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

    final List<Row> rows = new ArrayList<>();
    List<MonitoredQueue> monitored = List.of(new MonitoredQueue(1, "8001", List.of()));

    @Override
    public List<MonitoredQueue> monitoredQueues() {
        return monitored;
    }

    @Override
    public synchronized long callEntered(int queueCallEntryId, Integer campaignId, String callerId, String trunk,
                                         String uniqueId, LocalDateTime enteredQueue) {
        rows.add(new Row(rows.size() + 1, uniqueId));
        return rows.size();
    }

    @Override
    public synchronized void callLinked(long callId, int queueCallEntryId, int agentId, String callerId,
                                        String uniqueId, String remoteChannel, LocalDateTime linkStart,
                                        long waitSeconds) {
        row(callId).status = "activa";
    }

    @Override
    public synchronized void callFinished(long callId, LocalDateTime end, long durationSeconds) {
        row(callId).status = "terminada";
        row(callId).end = end;
    }

    @Override
    public synchronized void callTransferred(long callId, String extension, LocalDateTime end, long durationSeconds) {
        callFinished(callId, end, durationSeconds);
    }

    @Override
    public synchronized void callAbandoned(long callId, LocalDateTime end, long waitSeconds) {
        row(callId).status = "abandonada";
        row(callId).end = end;
    }

    @Override
    public synchronized void callHeld(long callId, boolean held) {
        row(callId).status = held ? "hold" : "activa";
    }

    @Override
    public synchronized void callLostTrack(long callId, LocalDateTime end) {
        row(callId).status = "fin-monitoreo";
    }

    @Override
    public synchronized long progress(long callId, Integer campaignId, String newStatus, String uniqueId, String trunk,
                                      Integer agentId, Long durationSeconds, LocalDateTime when) {
        row(callId).progress.add(newStatus);
        return callId * 100 + row(callId).progress.size();
    }

    synchronized Row row(long id) {
        return rows.get((int) id - 1);
    }
}
