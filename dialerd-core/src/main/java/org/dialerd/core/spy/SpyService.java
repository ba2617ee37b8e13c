package org.dialerd.core.spy;

import java.util.concurrent.CompletableFuture;
import org.dialerd.core.engine.EngineResult;

/** What ECCP requests may ask about supervisor spy sessions. */
public interface SpyService {
    /**
     * Rings the supervisor's extension into ChanSpy on the agent's leg. The answer says whether
     * Asterisk took the Originate; its {@code status} is the session's id (the spy channel's
     * uniqueid). spystart and spyend follow as events to the supervisor's sessions. Asked again
     * for the same agent from the same extension while the session lives, it switches the
     * session's mode inside the call (same id; spymode follows).
     */
    CompletableFuture<EngineResult> start(SpyRequest request);

    /** Hangs up the spy channel {@code supervisor} has on {@code agentNumber}; spyend follows. */
    CompletableFuture<EngineResult> stop(String supervisor, String agentNumber);

    /** No Asterisk configured: every request answers "No AMI connection". */
    static SpyService unavailable() {
        EngineResult noAmi = EngineResult.failed(500, "No AMI connection");
        return new SpyService() {
            @Override
            public CompletableFuture<EngineResult> start(SpyRequest request) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> stop(String supervisor, String agentNumber) {
                return CompletableFuture.completedFuture(noAmi);
            }
        };
    }
}
