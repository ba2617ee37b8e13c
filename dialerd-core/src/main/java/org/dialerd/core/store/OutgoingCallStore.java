package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.dialerd.core.dialer.CandidateCall;

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

    /** Calls that may be dialled (status, retries, dnc), best first; windows are checked by the caller. */
    List<CandidateCall> candidates(int campaignId, int retries, int limit);

    /** A call schedulecall reserved for one agent ({@code calls.agent}, e.g. {@code Agent/9000}). */
    record ScheduledCall(long callId, String phone, long retries, String agent, CandidateCall candidate) {}

    /** The campaign's dialable calls scheduled for a specific agent, oldest first. */
    List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit);

    /** Every {@code dont_call.caller_id}. */
    Set<String> doNotCall();

}
