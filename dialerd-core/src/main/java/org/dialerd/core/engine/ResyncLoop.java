package org.dialerd.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One resync at a time. A request after a connection while a pass runs (a reconnect during a
 * resync, a start-up resync racing the first Connected) gets a fresh pass once the running one
 * ends, so the last pass always started after the last request. A periodic request while a
 * pass runs is dropped: the running pass is as fresh as it would be. Engine thread only.
 */
final class ResyncLoop {
    private final EngineScheduler scheduler;
    private final Function<AgentResync.Trigger, CompletableFuture<Void>> pass;
    private boolean running;
    private CompletableFuture<Void> next;

    ResyncLoop(EngineScheduler scheduler, Function<AgentResync.Trigger, CompletableFuture<Void>> pass) {
        this.scheduler = scheduler;
        this.pass = pass;
    }

    /** Completes when a pass that began after this request has ended. */
    CompletableFuture<Void> request() {
        if (!running) {
            return begin(AgentResync.Trigger.CONNECTED);
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    /** Starts a periodic pass unless one (of either kind) runs; false when it was skipped. */
    boolean requestIfIdle() {
        if (running) {
            return false;
        }
        begin(AgentResync.Trigger.PERIODIC);
        return true;
    }

    private CompletableFuture<Void> begin(AgentResync.Trigger trigger) {
        running = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        pass.apply(trigger).whenCompleteAsync((v, error) -> {
            running = false;
            CompletableFuture<Void> waiting = next;
            next = null;
            if (waiting != null) {
                begin(AgentResync.Trigger.CONNECTED).whenComplete((v2, e2) -> waiting.complete(null));
            }
            done.complete(null);
        }, scheduler);
        return done;
    }
}
