package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.List;
import org.dialerd.core.agent.AgentView;

/** What the engine tells ECCP sessions about agents; each names the agent it concerns. */
public sealed interface AgentEvent {
    /** {@code Agent/9000}: sessions filtering by agent receive only their agent's events. */
    String agentNumber();

    record AgentLoggedIn(String agentNumber) implements AgentEvent {}

    record AgentLoggedOut(String agentNumber) implements AgentEvent {}

    record AgentFailedLogin(String agentNumber) implements AgentEvent {}

    /** A break ({@code breakId} and name present) or a hold (pauseClass "hold", no break). */
    record PauseStart(String agentNumber, String pauseClass, Integer breakId, String breakName,
                      LocalDateTime start) implements AgentEvent {}

    record PauseEnd(String agentNumber, String pauseClass, Integer breakId, String breakName, LocalDateTime start,
                    LocalDateTime end, long durationSeconds) implements AgentEvent {}

    /**
     * After-call work began (wrapupstart): the agent is paused in its queues until {@code end}
     * or until the console ends it. {@code callType}, {@code campaignId}, {@code queue}: the call
     * it follows (null when dialerd took over a wrap-up a previous run began).
     */
    record WrapupStart(String agentNumber, LocalDateTime start, LocalDateTime end, String callType,
                       Integer campaignId, String queue) implements AgentEvent {}

    /**
     * After-call work ended (wrapupend); {@code how}: {@code timeout}, {@code endwrapup},
     * {@code unpauseagent}, {@code break}, {@code call}, {@code logout}, {@code asterisk}.
     */
    record WrapupEnd(String agentNumber, LocalDateTime start, LocalDateTime end, long durationSeconds, String how,
                     String callType, Integer campaignId, String queue) implements AgentEvent {}

    /** The agent was linked to a call (agentlinked); {@code campaignLogId}: its call_progress_log row. */
    record AgentLinked(String agentNumber, org.dialerd.core.agent.CallLink call, long campaignLogId)
            implements AgentEvent {}

    /** The agent's call ended (agentunlinked); {@code campaignLogId}: its call_progress_log row. */
    record AgentUnlinked(String agentNumber, org.dialerd.core.agent.CallLink call, LocalDateTime end,
                         long durationSeconds, boolean shortCall, long campaignLogId) implements AgentEvent {}

    /** The recording of the agent's call was muted (recordingmute) or unmuted (recordingunmute). */
    record RecordingMute(String agentNumber, boolean muted, String callType, Integer campaignId, long callId)
            implements AgentEvent {}

    /**
     * A call changed state (callprogress): sent to every session that enabled callprogress.
     * {@code agentNumber} is null unless an agent is on the call.
     */
    record CallProgress(String agentNumber, LocalDateTime when, String campaignType, Integer campaignId, long callId,
                        String newStatus, long retry, String uniqueId, String trunk, String phone, String queue)
            implements AgentEvent {}

    /** A call scheduled for this agent is being placed (schedulecallstart) or could not be (schedulecallfailed). */
    record ScheduledCallPlacing(String agentNumber, boolean failed, Integer campaignId, long callId)
            implements AgentEvent {}

    /**
     * An attended transfer (atxfercall) ended without completing: the extension did not exist
     * or did not answer, the consultation was cancelled, or Asterisk never started it. The call
     * is still the agent's. {@code call} is the call it was asked for.
     */
    record TransferFailed(String agentNumber, String extension, org.dialerd.core.agent.CallLink call, String cause)
            implements AgentEvent {}

    /** A preview call is offered to the agent (previewcall). */
    record PreviewOffered(String agentNumber, PreviewOffer offer) implements AgentEvent {}

    /**
     * The agent's preview offer ended without being accepted (previewcancelled): {@code reason}
     * is rejected, expired, logout, pause, busy or campaign (no longer an active preview campaign).
     */
    record PreviewCancelled(String agentNumber, int campaignId, long callId, String reason)
            implements AgentEvent {}

    /** The agent's queues changed; carries its current state. */
    record QueueMembership(String agentNumber, AgentView view, List<String> queues) implements AgentEvent {}

    /**
     * A supervisor's spy session on an agent: sent to the supervisor's sessions only, never to
     * the agent's (the agent is not told it is listened to).
     */
    sealed interface SpyEvent extends AgentEvent {
        /** The ECCP client account that started the session. */
        String supervisor();
    }

    /** ChanSpy runs: the supervisor on {@code extension} hears the agent's call (spystart). */
    record SpyStarted(String agentNumber, String supervisor, String extension, String mode, String spyId,
                      LocalDateTime start) implements SpyEvent {}

    /**
     * The live session now runs in {@code mode} (spymode): the supervisor asked with spyagent
     * and Asterisk took the DTMF that switches ChanSpy.
     */
    record SpyModeChanged(String agentNumber, String supervisor, String extension, String mode, String spyId,
                          LocalDateTime when) implements SpyEvent {}

    /** The session ended (spyend): {@code cause} says why, in words. */
    record SpyEnded(String agentNumber, String supervisor, String extension, String mode, String spyId,
                    LocalDateTime end, String cause) implements SpyEvent {}
}
