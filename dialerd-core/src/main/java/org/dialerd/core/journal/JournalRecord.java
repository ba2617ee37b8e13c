package org.dialerd.core.journal;

import java.time.LocalDateTime;

/**
 * One database write as data. The engine appends these to the {@link Journal}; the applier
 * carries them out in order. Every row dialerd inserts carries the id dialerd assigned
 * ({@link IdAllocator}), so applying a record twice cannot make a second row, and nothing
 * downstream waits for the database to hand back an id. Nullable components are written
 * NULL; string lengths are cut to the columns by the applier, not here.
 */
public sealed interface JournalRecord {

    /** A block of ids reserved for a table; informative for replay and for an administrator. */
    record IdsReserved(IdTable table, long first, long last) implements JournalRecord {}

    /** An audit row opened: a login session ({@code breakId} null), a break or a hold. */
    record AuditOpened(long id, int agentId, Integer breakId, LocalDateTime start, String extParked)
            implements JournalRecord {}

    /** The audit row's end; a row already closed is left as it is. */
    record AuditClosed(long id, LocalDateTime end, long durationSeconds) implements JournalRecord {}

    /**
     * A record of a kind an earlier version wrote and this one no longer has, read back from its
     * journal (tag 4: the start-up close of every open login session, which the takeover
     * replaced). It keeps its seq and is applied as nothing, so an upgrade over a journal that
     * still holds one goes on. Never written.
     */
    record Retired(int tag) implements JournalRecord {}

    /** A caller entered a monitored queue: the 'en-cola' call_entry row. */
    record IncomingEntered(long id, int queueCallEntryId, Integer campaignId, String callerId, String trunk,
                           String uniqueId, LocalDateTime entered) implements JournalRecord {}

    /** An agent took the incoming call: 'activa' and the current_call_entry row {@code currentId}. */
    record IncomingLinked(long callId, long currentId, int queueCallEntryId, int agentId, String callerId,
                          String uniqueId, String remoteChannel, LocalDateTime linkStart, long waitSeconds)
            implements JournalRecord {}

    /** The linked call ended ('terminada'); {@code transfer}: where the agent sent it, or null. */
    record IncomingFinished(long callId, String transfer, LocalDateTime end, long durationSeconds)
            implements JournalRecord {}

    record IncomingAbandoned(long callId, LocalDateTime end, long waitSeconds) implements JournalRecord {}

    record IncomingHeld(long callId, boolean held) implements JournalRecord {}

    /** dialerd stopped (or crashed) while the call was live: 'fin-monitoreo'. */
    record IncomingLostTrack(long callId, LocalDateTime end) implements JournalRecord {}

    /** A call_progress_log row of an incoming ({@code incoming}) or outgoing call. */
    record Progress(long id, boolean incoming, Integer campaignId, long callId, String newStatus, long retry,
                    String uniqueId, String trunk, Integer agentId, Long durationSeconds, LocalDateTime when)
            implements JournalRecord {}

    /** The dialer placed the call: retries + 1, datetime_originate, trunk. */
    record OutgoingPlacing(long callId, String trunk, LocalDateTime when) implements JournalRecord {}

    record OutgoingAnswered(long callId, String uniqueId, LocalDateTime when) implements JournalRecord {}

    record OutgoingFailed(long callId, String status, int cause, String causeText, LocalDateTime when)
            implements JournalRecord {}

    record OutgoingQueued(long callId, String uniqueId, LocalDateTime when) implements JournalRecord {}

    /** An agent took the campaign call: 'Success' and the current_calls row {@code currentId}. */
    record OutgoingLinked(long callId, long currentId, int agentId, String agentNumber, String queue,
                          String uniqueId, String channel, LocalDateTime linkStart, long waitSeconds)
            implements JournalRecord {}

    record OutgoingEnded(long callId, String status, LocalDateTime end, long durationSeconds)
            implements JournalRecord {}

    record OutgoingAbandoned(long callId, LocalDateTime end, long waitSeconds) implements JournalRecord {}

    /** The answered call no agent took in 2 s was sent to the safe-harbour message at {@code target}. */
    record OutgoingSafeHarbour(long callId, String target, LocalDateTime when) implements JournalRecord {}

    record OutgoingTransferred(long callId, String extension) implements JournalRecord {}

    record OutgoingHeld(long callId, boolean held) implements JournalRecord {}

    record CampaignStatus(int campaignId, String status) implements JournalRecord {}

    record CampaignStats(int campaignId, long completed, long meanTalk, long deviation) implements JournalRecord {}

    /** A call_recording row; exactly one of the two call ids is set. */
    record Recording(long id, Long incomingCallId, Long outgoingCallId, String uniqueId, String channel,
                     String file, LocalDateTime when) implements JournalRecord {}

    /**
     * A supervisor asked to spy on an agent: the dialerd_supervisor_audit row, keyed by the spy
     * channel's uniqueid dialerd chose ({@code spyId}), so applying it twice makes one row.
     */
    record SpyOpened(String spyId, String supervisor, String extension, String agentNumber, String mode,
                     LocalDateTime requested) implements JournalRecord {}

    /** ChanSpy started listening (the supervisor answered and the agent's leg was there). */
    record SpyConnected(String spyId, LocalDateTime start) implements JournalRecord {}

    /** The session ended; {@code cause} in words. */
    record SpyClosed(String spyId, LocalDateTime end, String cause) implements JournalRecord {}

    /**
     * A preview call offered to an agent: the {@code dialerd_preview_offer} row that keeps every
     * other agent (of any host) from being offered it until {@code expires}.
     */
    record PreviewReserved(long callId, int campaignId, String agentNumber, LocalDateTime offered,
                           LocalDateTime expires) implements JournalRecord {}

    /** The agent's preview offer ended (accepted, rejected, expired, withdrawn): its row goes. */
    record PreviewReleased(long callId, String agentNumber) implements JournalRecord {}
}
