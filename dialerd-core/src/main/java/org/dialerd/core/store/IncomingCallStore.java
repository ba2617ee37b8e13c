package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Incoming calls as the Issabel reports read them: {@code call_entry} through 'en-cola' →
 * 'activa' → 'terminada' / 'abandonada' (or 'fin-monitoreo' when dialerd stops during a call),
 * {@code current_call_entry} while an agent has it, and {@code call_progress_log} rows.
 */
public interface IncomingCallStore {

    /** An incoming campaign on a queue and the window it is active in. */
    record IncomingCampaign(int id, LocalDate startDate, LocalDate endDate, LocalTime dailyStart, LocalTime dailyEnd) {}

    /** An active row of {@code queue_call_entry}: calls entering this queue are tracked. */
    record MonitoredQueue(int id, String queue, List<IncomingCampaign> campaigns) {
        public MonitoredQueue {
            campaigns = List.copyOf(campaigns);
        }
    }

    /** Active monitored queues, each with its active incoming campaigns. */
    List<MonitoredQueue> monitoredQueues();

    /** A caller entered the queue: inserts the 'en-cola' row, returns its id. */
    long callEntered(int queueCallEntryId, Integer campaignId, String callerId, String trunk, String uniqueId,
                     LocalDateTime enteredQueue);

    /** An agent took the call: 'activa', the agent, link start and wait; adds current_call_entry. */
    void callLinked(long callId, int queueCallEntryId, int agentId, String callerId, String uniqueId,
                    String remoteChannel, LocalDateTime linkStart, long waitSeconds);

    /** The linked call ended: 'terminada' with end and duration; removes current_call_entry. */
    void callFinished(long callId, LocalDateTime end, long durationSeconds);

    /** The agent transferred the call away: 'terminada' with the destination in {@code transfer}. */
    void callTransferred(long callId, String extension, LocalDateTime end, long durationSeconds);

    /** The caller hung up before any agent took the call: 'abandonada'. */
    void callAbandoned(long callId, LocalDateTime end, long waitSeconds);

    /** The agent put the call on hold ('hold', current_call_entry.hold 'S') or took it back ('activa', 'N'). */
    void callHeld(long callId, boolean held);

    /** dialerd stops while the call is live: 'fin-monitoreo'; removes current_call_entry. */
    void callLostTrack(long callId, LocalDateTime end);

    /**
     * An incoming call a previous run left in progress: 'en-cola', 'activa' or 'hold' without
     * an end. Nullable columns are null.
     */
    record UnfinishedCall(long callId, int queueCallEntryId, String queue, Integer campaignId, String callerId,
                          String trunk, String uniqueId, LocalDateTime joined, LocalDateTime linkStart,
                          Integer agentId) {}

    /** Calls a run that did not stop cleanly left in progress; a store that keeps none has none. */
    default List<UnfinishedCall> unfinishedCalls() {
        return List.of();
    }

    /** One {@code call_progress_log} row of an incoming call. */
    /** Returns the row's id (campaignlog_id in agentlinked/agentunlinked). */
    long progress(long callId, Integer campaignId, String newStatus, String uniqueId, String trunk, Integer agentId,
                  Long durationSeconds, LocalDateTime when);

    /** The incoming campaign active at {@code when} among these, if any. */
    static Optional<Integer> campaignAt(List<IncomingCampaign> campaigns, LocalDateTime when) {
        for (IncomingCampaign c : campaigns) {
            LocalDate day = when.toLocalDate();
            LocalTime time = when.toLocalTime();
            boolean inDates = !day.isBefore(c.startDate()) && !day.isAfter(c.endDate());
            boolean inHours = c.dailyStart().isAfter(c.dailyEnd())
                    ? !time.isBefore(c.dailyStart()) || !time.isAfter(c.dailyEnd())
                    : !time.isBefore(c.dailyStart()) && !time.isAfter(c.dailyEnd());
            if (inDates && inHours) {
                return Optional.of(c.id());
            }
        }
        return Optional.empty();
    }
}
