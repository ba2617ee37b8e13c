package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.dialerd.core.agent.CallLink;

/** A call the engine is following. Touched only on the engine thread. */
final class LiveCall {
    final String callType;
    final String uniqueId;
    final String channel;
    final String phone;
    final String queue;
    final int queueCallEntryId;
    final Integer campaignId;
    final String trunk;
    final LocalDateTime joined;
    /** call_entry.id, assigned by dialerd when the call entered the queue. */
    final long id;
    AgentState agent;
    /** The agent's leg bridged to the customer (AgentConnect's DestChannel). */
    String agentChannel = "";
    LocalDateTime linkStart;
    /** Set when the call ended: nothing may be written about it afterwards. */
    boolean ended;
    final CallMeter meter;

    LiveCall(String callType, String uniqueId, String channel, String phone, String queue, int queueCallEntryId,
             Integer campaignId, String trunk, LocalDateTime joined, long id, CallMeter meter) {
        this.callType = callType;
        this.uniqueId = uniqueId;
        this.channel = channel;
        this.phone = phone;
        this.queue = queue;
        this.queueCallEntryId = queueCallEntryId;
        this.campaignId = campaignId;
        this.trunk = trunk;
        this.joined = joined;
        this.id = id;
        this.meter = meter;
    }

    long waitSeconds(LocalDateTime until) {
        return Math.max(0, Duration.between(joined, until).toSeconds());
    }

    CallLink link() {
        return new CallLink(callType, id, Optional.ofNullable(campaignId), phone, channel, uniqueId, queue,
                trunk, joined, linkStart, agentChannel, Optional.empty(), Optional.empty());
    }
}
