package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.Optional;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.pbx.PbxEvent;

/** A campaign call dialerd placed and is following. Touched only on the engine thread. */
final class OutboundCall {
    final int campaignId;
    final long callId;
    final String phone;
    final String queue;
    final String trunk;
    final long retry;
    final String actionId;
    /** Preassigned with Originate's ChannelId, so every event of the call can be matched from the start. */
    final String uniqueId;
    final LocalDateTime originated;
    String channel = "";
    LocalDateTime answered;
    LocalDateTime joined;
    LocalDateTime linkStart;
    AgentState agent;
    /** The agent's leg bridged to the customer (AgentConnect's DestChannel). */
    String agentChannel = "";
    /** Redirected to the safe-harbour message: its queue abandon is not its end, the hang-up is. */
    boolean safeHarbour;
    /** Set when the call ended: nothing may be written about it afterwards. */
    boolean ended;
    /** A call schedulecall reserved for this agent: dialled through llamada_agendada, not a queue. */
    AgentState scheduledFor;
    /** A preview call its agent accepted (dialled like a scheduled call, without schedulecall events). */
    boolean preview;
    /** The AMI connection (count) the Originate went out on. */
    int session;
    /** Its channel hung up before any OriginateResponse: when, and why (the watchdog resolves it). */
    LocalDateTime hungUp;
    PbxEvent.Hangup hangup;
    final CallMeter meter;

    OutboundCall(int campaignId, long callId, String phone, String queue, String trunk, long retry, String actionId,
                 String uniqueId, LocalDateTime originated, CallMeter meter) {
        this.campaignId = campaignId;
        this.callId = callId;
        this.phone = phone;
        this.queue = queue;
        this.trunk = trunk;
        this.retry = retry;
        this.actionId = actionId;
        this.uniqueId = uniqueId;
        this.originated = originated;
        this.meter = meter;
    }

    boolean pending() {
        return answered == null && joined == null;
    }

    /**
     * Answered and not yet with an agent. An answered campaign call is on its way into the queue:
     * counted as waiting from the answer on, so the dialer's arithmetic does not depend on whether
     * OriginateResponse or QueueCallerJoin came first (or on a round running between them). A
     * scheduled call goes to its reserved agent, who already counts as busy.
     */
    boolean waitingInQueue() {
        return (joined != null || answered != null && scheduledFor == null) && linkStart == null;
    }

    CallLink link() {
        return new CallLink("outgoing", callId, Optional.of(campaignId), phone, channel, uniqueId, queue,
                trunk == null ? "" : trunk, joined == null ? originated : joined, linkStart, agentChannel,
                Optional.of(originated), Optional.ofNullable(answered));
    }
}
