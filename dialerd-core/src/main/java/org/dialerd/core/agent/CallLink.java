package org.dialerd.core.agent;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The call an agent is linked to, as getagentstatus and the events report it.
 *
 * @param callType      {@code incoming} or {@code outgoing}
 * @param callId        call_entry.id (incoming) or calls.id (outgoing)
 * @param remoteChannel the customer's channel
 * @param agentChannel  the agent's leg bridged to the customer (AgentConnect's DestChannel), empty when unknown
 * @param dialStart     outgoing calls: when dialerd originated the call
 * @param dialEnd       outgoing calls: when Asterisk reported it answered
 */
public record CallLink(String callType, long callId, Optional<Integer> campaignId, String phone, String remoteChannel,
                       String uniqueId, String queue, String trunk, LocalDateTime joined, LocalDateTime linkStart,
                       String agentChannel, Optional<LocalDateTime> dialStart, Optional<LocalDateTime> dialEnd) {

    /** Without the agent's leg and dial times (not known). */
    public CallLink(String callType, long callId, Optional<Integer> campaignId, String phone, String remoteChannel,
                    String uniqueId, String queue, String trunk, LocalDateTime joined, LocalDateTime linkStart) {
        this(callType, callId, campaignId, phone, remoteChannel, uniqueId, queue, trunk, joined, linkStart, "",
                Optional.empty(), Optional.empty());
    }

    public CallLink withId(long id) {
        return new CallLink(callType, id, campaignId, phone, remoteChannel, uniqueId, queue, trunk, joined, linkStart,
                agentChannel, dialStart, dialEnd);
    }
}
