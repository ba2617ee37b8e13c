package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read-only reports over the call history ({@code call_progress_log}, {@code audit},
 * {@code calls}, {@code call_entry}) and dialerd's queue membership table
 * ({@code dialerd_queue_member}). Day ranges are inclusive: {@code firstDay 00:00:00}
 * to {@code lastDay 23:59:59}.
 */
public interface ReportStore {

    /** Whose progress entries campaignlog lists. */
    sealed interface LogSource permits OutgoingCampaign, IncomingCampaign, IncomingQueue {}

    /** Entries of the outgoing campaign's calls. */
    record OutgoingCampaign(long campaignId) implements LogSource {}

    /** Entries logged for the incoming campaign. */
    record IncomingCampaign(long campaignId) implements LogSource {}

    /** Entries of the incoming calls through this queue that belong to no campaign. */
    record IncomingQueue(String queue) implements LogSource {}

    /** Only the newest {@code count} entries, with an id below {@code idBefore} when present. */
    record Newest(long count, OptionalLong idBefore) {}

    /**
     * A {@code call_progress_log} row with its call's phone and queue; nullable columns are
     * empty or null as in the table.
     *
     * @param campaignId   null for an incoming call without campaign
     * @param agentChannel {@code type/number} of the row's agent, null without agent
     */
    record LogEntry(long id, LocalDateTime datetimeEntry, String phone, String queue, Long campaignId, long callId,
                    String newStatus, Long retry, String uniqueid, String trunk, Long duration,
                    String agentChannel) {}

    /** The entries of the days, ordered by id; with {@code newest}, its last N (still ascending). */
    List<LogEntry> campaignLog(LogSource source, LocalDate firstDay, LocalDate lastDay, Optional<Newest> newest);

    /** Calls an agent answered through one queue: {@code seconds} is empty when every duration is NULL. */
    record QueueCalls(String queue, OptionalLong seconds, long calls) {}

    /** A login session or a pause ({@code audit} row); no end while it is still open. */
    record Interval(LocalDateTime start, Optional<LocalDateTime> end) {}

    /**
     * One active agent's activity over a range of days.
     *
     * @param loginSeconds sum of the durations of the sessions started in the range (open ones count 0)
     * @param incoming     answered incoming calls (by link start) per queue, ordered by queue
     * @param outgoing     answered outgoing calls (by link start) per campaign queue, ordered by queue
     * @param lastSession  the session that started last in the range
     * @param lastPause    the break or hold that started last in the range
     */
    record AgentActivity(int agentId, String agentChannel, String name, long loginSeconds,
                         List<QueueCalls> incoming, List<QueueCalls> outgoing,
                         Optional<Interval> lastSession, Optional<Interval> lastPause) {}

    /** Every active agent ({@code agent.estatus = 'A'}), ordered by id, with or without activity. */
    List<AgentActivity> agentActivity(LocalDate firstDay, LocalDate lastDay);

    /** A row of {@code dialerd_queue_member}. */
    record QueueMembership(int agentId, String queue, int penalty) {}

    /** The queue memberships of these agents, ordered by agent id, then queue. */
    List<QueueMembership> queueMemberships(Collection<Integer> agentIds);
}
