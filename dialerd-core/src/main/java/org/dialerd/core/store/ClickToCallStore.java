package org.dialerd.core.store;

import java.util.List;
import java.util.Optional;

/**
 * The {@code calls} row of a click-to-call: an outgoing call an agent asked for, recorded in an
 * active outgoing campaign (so the campaign's reports, getcallinfo, its form and script see it
 * as any campaign call). Blocking; never called on the engine thread.
 */
public interface ClickToCallStore {

    /** The new row and what the engine needs of its campaign. {@code trunk} empty: the dial template. */
    record NewCall(long callId, int campaignId, String campaignName, String queue, String trunk) {}

    /** What became of a request for a row. */
    sealed interface Outcome {
        record Created(NewCall call) implements Outcome {}

        /** No row: the campaign is unknown, not active, or none could be chosen. ECCP's code and message. */
        record Refused(int code, String message) implements Outcome {}
    }

    /**
     * Inserts the row (status Placing, so the dialer never picks it while it is being placed).
     *
     * @param campaignId  the campaign asked for; empty: the only active outgoing campaign whose
     *                    queue is one of {@code agentQueues}
     * @param agentQueues the queues the agent is a member of now
     */
    Outcome create(Optional<Integer> campaignId, List<String> agentQueues, String phone);
}
