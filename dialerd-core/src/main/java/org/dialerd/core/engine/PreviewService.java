package org.dialerd.core.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What ECCP and the JSON API may ask of the preview dialer (campaigns with dial_mode
 * {@code preview}). Failures are {@link EngineResult} failures with the ECCP code and message;
 * a failed request changes nothing.
 */
public interface PreviewService {
    /** The call offered to the agent now, if any (any thread). */
    Optional<PreviewOffer> offer(String agentNumber);

    /** The agent takes the offered call: the customer is dialled and connected to the agent. */
    CompletableFuture<EngineResult> accept(String agentNumber, long callId);

    /** The agent skips the offered call: it goes back to the pool, not offered to this agent again. */
    CompletableFuture<EngineResult> reject(String agentNumber, long callId);

    /** No preview dialer (no outbound dialer running): nothing is offered, accept and reject fail. */
    PreviewService NONE = new PreviewService() {
        @Override
        public Optional<PreviewOffer> offer(String agentNumber) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<EngineResult> accept(String agentNumber, long callId) {
            return CompletableFuture.completedFuture(PreviewDialer.NO_OFFER);
        }

        @Override
        public CompletableFuture<EngineResult> reject(String agentNumber, long callId) {
            return CompletableFuture.completedFuture(PreviewDialer.NO_OFFER);
        }
    };
}
