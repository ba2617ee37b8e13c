package org.dialerd.core.pbx;

import java.time.Duration;

/**
 * What the engine hears from Asterisk, already translated from AMI at the dialerd-ami
 * boundary (Asterisk 13–22 names; see testdata/ami-traces). Channels are full names
 * ({@code Local/1001@agents-00000012;1}); {@code uniqueId}/{@code linkedId} are Asterisk's.
 * Fields Asterisk may omit are empty strings, never null.
 */
public sealed interface PbxEvent {

    /** The AMI connection is up and logged in (after a reconnect too: resync follows). */
    record Connected(String asteriskVersion) implements PbxEvent {}

    /** The AMI connection was lost; events in the gap are gone. */
    record Disconnected(String reason) implements PbxEvent {}

    /** Asterisk announced it is stopping or restarting. */
    record Shutdown(boolean restart) implements PbxEvent {}

    /** app_agent_pool AgentLogin: {@code agent} is the number ({@code 9000}). */
    record AgentLogin(String agent, String channel, String uniqueId) implements PbxEvent {}

    /** app_agent_pool AgentLogoff. */
    record AgentLogoff(String agent, Duration loggedIn) implements PbxEvent {}

    /** A queue member as QueueMemberAdded/Removed/Status/Pause and QueueStatus report it. */
    record QueueMember(String queue, String memberName, String iface, String stateInterface, String membership,
                       int penalty, int callsTaken, int status, boolean paused, String pausedReason,
                       boolean inCall) {}

    record QueueMemberAdded(QueueMember member) implements PbxEvent {}

    record QueueMemberRemoved(QueueMember member) implements PbxEvent {}

    record QueueMemberStatus(QueueMember member) implements PbxEvent {}

    record QueueMemberPause(QueueMember member) implements PbxEvent {}

    /** A caller entered a queue ({@code position} 1-based, {@code count} callers now waiting). */
    record QueueCallerJoin(String queue, String channel, String uniqueId, String linkedId, String callerIdNum,
                           String callerIdName, int position, int count) implements PbxEvent {}

    record QueueCallerLeave(String queue, String channel, String uniqueId, int count) implements PbxEvent {}

    record QueueCallerAbandon(String queue, String channel, String uniqueId, int position, int originalPosition,
                              Duration holdTime) implements PbxEvent {}

    /** A member is rung for a caller: {@code channel} is the caller, {@code destChannel} the member's leg. */
    record AgentCalled(String queue, String channel, String uniqueId, String destChannel, String iface,
                       String memberName) implements PbxEvent {}

    record AgentRingNoAnswer(String queue, String channel, String uniqueId, String destChannel, String iface,
                             String memberName, Duration ringTime) implements PbxEvent {}

    record AgentConnect(String queue, String channel, String uniqueId, String linkedId, String destChannel,
                        String destUniqueId, String iface, String memberName, Duration holdTime,
                        Duration ringTime) implements PbxEvent {}

    /** {@code reason}: caller, agent or transfer. Caller or member fields may be empty (see the README). */
    record AgentComplete(String queue, String channel, String uniqueId, String destChannel, String iface,
                         String memberName, Duration holdTime, Duration talkTime, String reason)
            implements PbxEvent {}

    /**
     * Result of an async Originate. {@code reason}: 4 answered, 5 busy, 3 no answer,
     * 8 congestion, 0 anything else. On failure {@code channel} is the dial string.
     */
    record OriginateResponse(String actionId, boolean success, int reason, String channel, String uniqueId,
                             String context, String exten) implements PbxEvent {}

    record NewChannel(String channel, String uniqueId, String linkedId, String callerIdNum, String context,
                      String exten) implements PbxEvent {}

    record Hangup(String channel, String uniqueId, String linkedId, int cause, String causeText)
            implements PbxEvent {}

    record BridgeEnter(String bridgeId, String channel, String uniqueId, String linkedId) implements PbxEvent {}

    record BridgeLeave(String bridgeId, String channel, String uniqueId, String linkedId) implements PbxEvent {}

    /** A channel parked (hold): {@code parkingSpace} such as {@code 701}. */
    record ParkedCall(String parkeeChannel, String parkeeUniqueId, String parkingSpace, String parkingLot)
            implements PbxEvent {}

    record UnParkedCall(String parkeeChannel, String parkeeUniqueId, String parkingSpace, String retrieverChannel)
            implements PbxEvent {}

    /** The parked caller hung up while parked. */
    record ParkedCallGiveUp(String parkeeChannel, String parkeeUniqueId, String parkingSpace) implements PbxEvent {}

    record ParkedCallTimeOut(String parkeeChannel, String parkeeUniqueId, String parkingSpace) implements PbxEvent {}

    record MixMonitorStart(String channel, String uniqueId) implements PbxEvent {}

    record MixMonitorStop(String channel, String uniqueId) implements PbxEvent {}

    /** {@code direction}: read, write or both. */
    record MixMonitorMute(String channel, String uniqueId, String direction, boolean muted) implements PbxEvent {}

    /** A channel variable set (only the ones the engine needs are translated, e.g. MIXMONITOR_FILENAME). */
    record VarSet(String channel, String uniqueId, String variable, String value) implements PbxEvent {}

    record BlindTransfer(String transfererChannel, String transfereeChannel, String extension, String context,
                         boolean success) implements PbxEvent {}

    record AttendedTransfer(String origTransfererChannel, String secondTransfererChannel, String result)
            implements PbxEvent {}

    /** A channel put on hold (an attended transfer's transferer while it consults). */
    record Hold(String channel, String uniqueId) implements PbxEvent {}

    /** Back from hold (an attended transfer that did not complete gives the call back). */
    record Unhold(String channel, String uniqueId) implements PbxEvent {}

    /** ChanSpy began: the spyer channel hears {@code spyeeChannel}. */
    record ChanSpyStart(String spyerChannel, String spyerUniqueId, String spyeeChannel, String spyeeUniqueId)
            implements PbxEvent {}

    /** ChanSpy stopped spying (the spyer hung up, or the spied-on channel went away). */
    record ChanSpyStop(String spyerChannel, String spyerUniqueId, String spyeeChannel) implements PbxEvent {}
}
