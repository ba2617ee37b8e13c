package org.dialerd.core.store;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The database half of getcampaignstatus and getincomingqueuestatus: how many calls of a
 * campaign (or of an incoming queue, calls without campaign only) are in each state, the
 * duration figures of the completed ones, and the calls still waiting for an agent.
 *
 * <p>Counting rules, as the reference counts: outgoing calls by {@code calls.status} (NULL is
 * pending), restricted to {@code datetime_originate >= since}; durations of {@code Success}
 * calls with an end time started since then. Incoming calls by {@code call_entry.status},
 * restricted to {@code datetime_entry_queue >= since}; durations of {@code terminada} calls
 * with an end time started ({@code datetime_init}) since then.
 */
public interface CampaignStatusStore {

    /** What a call can be counted as; the stored words map onto these. */
    enum CallState {
        PENDING, PLACING, RINGING, ON_QUEUE, SUCCESS, ON_HOLD, FAILURE, SHORT_CALL, NO_ANSWER, ABANDONED,
        FINISHED, LOST_TRACK
    }

    /**
     * @param totalSeconds sum of the counted durations, 0 when none
     * @param maxDuration  longest counted duration, 0 when none
     */
    record Durations(long totalSeconds, long maxDuration) {
        public static final Durations NONE = new Durations(0, 0);
    }

    /**
     * A call not yet linked to an agent (outgoing Placing/Ringing/OnQueue, incoming en-cola).
     *
     * @param state      PLACING, RINGING or ON_QUEUE
     * @param dialStart  outgoing only: when the originate was sent
     * @param dialEnd    outgoing only: when the originate was answered
     * @param queueStart when the call entered the queue
     */
    record WaitingCall(long callId, String phone, CallState state, Optional<LocalDateTime> dialStart,
                       Optional<LocalDateTime> dialEnd, Optional<LocalDateTime> queueStart,
                       Optional<String> trunk) {
        public WaitingCall {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(dialStart, "dialStart");
            Objects.requireNonNull(dialEnd, "dialEnd");
            Objects.requireNonNull(queueStart, "queueStart");
            Objects.requireNonNull(trunk, "trunk");
        }
    }

    /**
     * @param queue   the queue whose members serve these calls
     * @param total   every counted call, whatever its state (unknown words included)
     * @param counts  calls per state; a state without calls may be absent
     * @param waiting live calls not linked to an agent, oldest first (never filtered by date)
     */
    record CallSummary(String queue, long total, Map<CallState, Long> counts, Durations durations,
                       List<WaitingCall> waiting) {
        public CallSummary {
            Objects.requireNonNull(queue, "queue");
            counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
            Objects.requireNonNull(durations, "durations");
            waiting = List.copyOf(waiting);
        }

        public long count(CallState state) {
            return counts.getOrDefault(state, 0L);
        }
    }

    /** An outgoing campaign ({@code campaign}); empty when there is no such campaign. */
    Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since);

    /** An incoming campaign ({@code campaign_entry} and its queue); empty when there is no such campaign. */
    Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since);

    /** The calls of an incoming queue that belong to no campaign; an unknown queue has none. */
    CallSummary incomingQueue(String queue, Optional<LocalDateTime> since);
}
