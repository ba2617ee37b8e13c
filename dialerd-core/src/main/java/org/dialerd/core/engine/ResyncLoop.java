package org.dialerd.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One resync at a time. A request while a pass runs (a reconnect during a resync, a start-up
 * resync racing the first Connected) gets a fresh pass once the running one ends, so the last
 * pass always started after the last request. Engine thread only.
 */
final class ResyncLoop {
    private final EngineScheduler scheduler;
    private final Supplier<CompletableFuture<Void>> pass;
    private boolean running;
    private CompletableFuture<Void> next;

    ResyncLoop(EngineScheduler scheduler, Supplier<CompletableFuture<Void>> pass) {
        this.scheduler = scheduler;
        this.pass = pass;
    }

    /** Completes when a pass that began after this request has ended. */
    CompletableFuture<Void> request() {
        if (!running) {
            return begin();
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    private CompletableFuture<Void> begin() {
        running = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        pass.get().whenCompleteAsync((v, error) -> {
            running = false;
            CompletableFuture<Void> waiting = next;
            next = null;
            if (waiting != null) {
                begin().whenComplete((v2, e2) -> waiting.complete(null));
            }
            done.complete(null);
        }, scheduler);
        return done;
    }
}
