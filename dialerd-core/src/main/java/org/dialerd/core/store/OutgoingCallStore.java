package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.dialerd.core.dialer.CandidateCall;

/**
 * Outgoing campaigns and their calls: {@code campaign}, {@code calls}, {@code current_calls},
 * {@code dont_call} and outgoing {@code call_progress_log} rows.
 */
public interface OutgoingCallStore {

    /** An outgoing campaign row (estatus 'A'). Nullable columns are null. */
    record Campaign(int id, String name, LocalDate startDate, LocalDate endDate, LocalTime dailyStart,
                    LocalTime dailyEnd, int retries, String trunk, String context, String queue, int maxChannels,
                    Long completed, Long meanTalk, Long deviation, String status) {}

    List<Campaign> activeCampaigns();

    void setCampaignStatus(int campaignId, String status);

    /** Calls that may be dialled (status, retries, dnc), best first; windows are checked by the caller. */
    List<CandidateCall> candidates(int campaignId, int retries, int limit);

    /** A call schedulecall reserved for one agent ({@code calls.agent}, e.g. {@code Agent/9000}). */
    record ScheduledCall(long callId, String phone, long retries, String agent, CandidateCall candidate) {}

    /** The campaign's dialable calls scheduled for a specific agent, oldest first. */
    List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit);

    /** Every {@code dont_call.caller_id}. */
    Set<String> doNotCall();

    /** Placing: retries + 1, datetime_originate, trunk. False when the call changed meanwhile. */
    boolean placing(long callId, String trunk, LocalDateTime when);

    /** Asterisk answered the originate (Asterisk 12+ reports success only after answer). */
    void answered(long callId, String uniqueId, LocalDateTime when);

    /** The originate failed: Failure / NoAnswer with Asterisk's cause. */
    void failed(long callId, String status, int cause, String causeText, LocalDateTime when);

    void queued(long callId, String uniqueId, LocalDateTime when);

    void linked(long callId, int agentId, String agentNumber, String queue, String uniqueId, String channel,
                LocalDateTime linkStart, long waitSeconds);

    /** The call ended after an agent took it: Success or ShortCall, end_time, duration. */
    void ended(long callId, String status, LocalDateTime end, long durationSeconds);

    void abandoned(long callId, LocalDateTime end, long waitSeconds);

    /** The agent transferred the call away: the destination in {@code transfer}. */
    void transferred(long callId, String extension);

    /** On hold ('OnHold', current_calls.hold 'S') or back ('Success', 'N'). */
    void held(long callId, boolean held);

    /** Returns the row's id (campaignlog_id in agentlinked/agentunlinked). */
    long progress(int campaignId, long callId, String status, long retry, String uniqueId, String trunk,
                  Integer agentId, Long durationSeconds, LocalDateTime when);

    void campaignStats(int campaignId, long completed, long meanTalk, long deviation);

    /**
     * A call a previous run left in progress: status Placing, Ringing, OnQueue, Success or
     * OnHold without an end. Nullable columns are null.
     */
    record UnfinishedCall(long callId, int campaignId, String phone, String status, String uniqueId, long retries,
                          String trunk, String queue, LocalDateTime originated, LocalDateTime answered,
                          LocalDateTime joined, LocalDateTime linkStart, Integer agentId) {}

    /** Calls a run that did not stop cleanly left in progress; a store that keeps none has none. */
    default List<UnfinishedCall> unfinishedCalls() {
        return List.of();
    }
}
