package org.dialerd.core.pbx;

import java.time.Duration;
import java.util.Map;

/**
 * What the engine asks of Asterisk. The dialerd-ami adapter turns each into an AMI action
 * with a timeout; the answer is a {@link PbxReply} (or the future fails with a
 * {@link PbxException}).
 */
public sealed interface PbxAction {

    /**
     * Async originate: either {@code context/exten/priority} or {@code application/data}.
     * {@code actionId} comes back in the {@link PbxEvent.OriginateResponse}. Empty strings = not sent.
     */
    record Originate(String channel, String context, String exten, int priority, String application, String data,
                     String callerId, Duration timeout, Map<String, String> variables, String actionId,
                     String channelId) implements PbxAction {
        public Originate {
            variables = Map.copyOf(variables);
        }
    }

    record QueueAdd(String queue, String iface, String memberName, String stateInterface, int penalty,
                    boolean paused) implements PbxAction {}

    record QueueRemove(String queue, String iface) implements PbxAction {}

    /** {@code queue} empty = every queue the interface is in. */
    record QueuePause(String queue, String iface, boolean paused, String reason) implements PbxAction {}

    /** app_agent_pool AgentLogoff of agent number {@code agent} ({@code 9000}). */
    record AgentLogoff(String agent, boolean soft) implements PbxAction {}

    record Hangup(String channel, int cause) implements PbxAction {}

    /**
     * PlayDTMF: one digit on a channel; {@code receive}: as if the channel's far end sent it
     * (Asterisk 16+), which is how an application on the channel (ChanSpy's {@code d}) hears it.
     */
    record PlayDtmf(String channel, String digit, boolean receive) implements PbxAction {}

    /** {@code extraChannel} empty = redirect one channel. */
    record Redirect(String channel, String context, String exten, int priority, String extraChannel,
                    String extraContext, String extraExten, int extraPriority) implements PbxAction {}

    record Atxfer(String channel, String context, String exten) implements PbxAction {}

    /** {@code timeoutChannel}: where the parked call comes back on timeout (may be empty). */
    record Park(String channel, String timeoutChannel, Duration timeout) implements PbxAction {}

    record MixMonitorMute(String channel, String direction, boolean mute) implements PbxAction {}

    /** Starts recording a channel to {@code file} ({@code options} such as {@code b}: only while bridged). */
    record MixMonitor(String channel, String file, String options) implements PbxAction {}

    record GetVar(String channel, String variable) implements PbxAction {}

    record SetVar(String channel, String variable, String value) implements PbxAction {}

    /** A CLI command; the reply's {@code output} lines hold what it printed. */
    record Command(String command) implements PbxAction {}

    record DbGet(String family, String key) implements PbxAction {}

    /** QueueStatus list: the reply carries one {@code QueueMember} entry per member (and QueueEntry per caller). */
    record QueueStatus(String queue) implements PbxAction {}

    /** Agents list (app_agent_pool). */
    record Agents() implements PbxAction {}

    record CoreShowChannels() implements PbxAction {}
}
