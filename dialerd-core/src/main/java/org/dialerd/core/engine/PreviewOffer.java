package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A campaign call the preview dialer reserved for one agent and shows to that agent before
 * anything is dialled. The agent accepts it (the customer is dialled and connected to the
 * agent) or rejects it; at {@code expires} it goes back to the pool.
 *
 * @param agentNumber the agent it is offered to, e.g. {@code SIP/1001}
 * @param queue       the campaign's queue
 */
public record PreviewOffer(String agentNumber, int campaignId, String campaignName, long callId, String phone,
                           String queue, LocalDateTime offered, LocalDateTime expires) {
    public PreviewOffer {
        Objects.requireNonNull(agentNumber, "agentNumber");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(expires, "expires");
    }
}
