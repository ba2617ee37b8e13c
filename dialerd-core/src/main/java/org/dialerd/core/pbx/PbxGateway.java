package org.dialerd.core.pbx;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The PBX as the engine sees it. Implemented by dialerd-ami over asterisk-java; a
 * disconnected stand-in when no Asterisk is configured.
 */
public interface PbxGateway {
    /**
     * Begins connecting. Listeners added before this see the first {@link PbxEvent.Connected},
     * so the engine subscribes first and the start-up resync always runs. Calling it again
     * does nothing.
     */
    default void start() {
    }

    /** Whether an AMI connection is up and logged in. */
    boolean isConnected();

    /**
     * Sends an action. The future completes with Asterisk's reply (success or error), or
     * fails with {@link PbxException} when there is no connection or no answer in time.
     * Never blocks the caller.
     */
    default CompletableFuture<PbxReply> send(PbxAction action) {
        return CompletableFuture.failedFuture(new PbxException("No AMI connection"));
    }

    /**
     * Registers a listener for every translated event, in Asterisk's order. Listeners run
     * on the adapter's dispatch thread and must return quickly (hand work off).
     */
    default void addListener(Consumer<PbxEvent> listener) {
    }

    /** A gateway that is never connected: requests needing Asterisk answer 500 "No AMI connection". */
    static PbxGateway disconnected() {
        return () -> false;
    }
}
