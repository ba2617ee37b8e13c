package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.QueueOptions;

/**
 * What the dialer reads: active outgoing campaigns, their dialable and agent-scheduled calls,
 * {@code dont_call}. What it writes ({@code calls}, {@code current_calls}, outgoing
 * {@code call_progress_log} rows, campaign status and statistics) are journal records.
 */
public interface OutgoingCallStore {

    /** An outgoing campaign row (estatus 'A'). Nullable columns are null. */
    record Campaign(int id, String name, LocalDate startDate, LocalDate endDate, LocalTime dailyStart,
                    LocalTime dailyEnd, int retries, String trunk, String context, String queue, int maxChannels,
                    Long completed, Long meanTalk, Long deviation, String status) {}

    List<Campaign> activeCampaigns();

    /**
     * dialerd's own options per campaign ({@code dialerd_campaign_options}); a campaign not in
     * the map gets {@link CampaignOptions#DEFAULTS}. A row that cannot be read (an unknown
     * dial_mode, say) is left out, so that campaign runs on the defaults, and logged.
     */
    default Map<Integer, CampaignOptions> campaignOptions() {
        return Map.of();
    }

    /** dialerd's own options per queue ({@code dialerd_queue_options}); absent: {@link QueueOptions#DEFAULTS}. */
    default Map<String, QueueOptions> queueOptions() {
        return Map.of();
    }

    /**
     * The campaign's preview reservations that have not expired at {@code now}
     * ({@code dialerd_preview_offer}, of every host): call id → the agent it is offered to.
     */
    default Map<Long, String> previewReservations(int campaignId, LocalDateTime now) {
        return Map.of();
    }

    /**
     * One attempt of a campaign call that a person answered: its call_progress_log 'Ringing'
     * row ({@code answered}) and, when an agent took it, the first 'Success' row of the same
     * attempt ({@code linked}). Whole seconds, as the database keeps them.
     */
    record AnsweredAttempt(int campaignId, long callId, long retry, LocalDateTime answered,
                           java.util.Optional<LocalDateTime> linked) {}

    /**
     * Every attempt answered at or after {@code since}, for the abandoned-call figures at start
     * (one indexed query per campaign); a store that keeps none has none.
     */
    default List<AnsweredAttempt> answeredSince(LocalDateTime since) {
        return List.of();
    }

    /**
     * The calls that may be dialled at {@code now}, best first: dialable (status, retries, dnc)
     * and either with their own window open at {@code now} ({@link
     * org.dialerd.core.dialer.CallWindow#matches}) or with none; the windowed ones first, then
     * the rest, each by retries and id ({@link org.dialerd.core.dialer.CandidatePolicy}'s order).
     * A windowed call whose window is closed at {@code now} is not returned, so it never takes the
     * place of a call that can be dialled. Calls scheduled for an agent may be among them (the
     * caller skips them).
     */
    List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit);

    /**
     * The dialable calls with their own window that is open at {@code now} or opens after it
     * ({@link org.dialerd.core.dialer.CallWindow#canMatchFrom}), by retries and id: what keeps a
     * campaign that has nothing to dial now from being finished. Not the calls without a window
     * (those are {@link #candidates}).
     */
    List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit);

    /** A call schedulecall reserved for one agent ({@code calls.agent}, e.g. {@code Agent/9000}). */
    record ScheduledCall(long callId, String phone, long retries, String agent, CandidateCall candidate) {}

    /** The campaign's dialable calls scheduled for a specific agent, oldest first. */
    List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit);

    /** Every {@code dont_call.caller_id}. */
    Set<String> doNotCall();


    /**
     * A call a previous run left in progress: status Placing, Ringing, OnQueue, Success or
     * OnHold without an end. Nullable columns are null.
     */
    record UnfinishedCall(long callId, int campaignId, String phone, String status, String uniqueId, long retries,
                          String trunk, String queue, LocalDateTime originated, LocalDateTime answered,
                          LocalDateTime joined, LocalDateTime linkStart, Integer agentId) {}

    /**
     * Calls a run of this host that did not stop cleanly left in progress (a call is the host's
     * whose progress rows it wrote, {@link TakeoverScope}); a store that keeps none has none.
     */
    default List<UnfinishedCall> unfinishedCalls(TakeoverScope scope) {
        return List.of();
    }
}
