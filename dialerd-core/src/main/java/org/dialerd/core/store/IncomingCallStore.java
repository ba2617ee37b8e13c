package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The incoming queues dialerd follows and their campaigns. The calls' rows ({@code call_entry}
 * through 'en-cola' → 'activa' → 'terminada' / 'abandonada' / 'fin-monitoreo',
 * {@code current_call_entry}, {@code call_progress_log}) are journal records, written by the
 * journal applier.
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

    /**
     * An incoming call a previous run left in progress: 'en-cola', 'activa' or 'hold' without
     * an end. Nullable columns are null.
     */
    record UnfinishedCall(long callId, int queueCallEntryId, String queue, Integer campaignId, String callerId,
                          String trunk, String uniqueId, LocalDateTime joined, LocalDateTime linkStart,
                          Integer agentId) {}

    /**
     * Calls a run of this host that did not stop cleanly left in progress (other hosts' calls
     * are theirs, {@link TakeoverScope}); a store that keeps none has none.
     */
    default List<UnfinishedCall> unfinishedCalls(TakeoverScope scope) {
        return List.of();
    }

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
