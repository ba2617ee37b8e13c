package org.dialerd.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;

/**
 * How work reaches the engine thread: commands from any thread, and AMI replies, which are
 * handled back on that thread. Split out of {@link AgentEngine}.
 */
final class EngineThread {
    private final EngineScheduler scheduler;
    private final PbxGateway pbx;

    EngineThread(EngineScheduler scheduler, PbxGateway pbx) {
        this.scheduler = scheduler;
        this.pbx = pbx;
    }

    <T> CompletableFuture<T> run(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, scheduler);
    }

    <T> CompletableFuture<T> compose(Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(work, scheduler).thenCompose(f -> f);
    }

    /** Sends an action; the reply is handled back on the engine thread. A failed send is an error reply. */
    CompletableFuture<PbxReply> send(PbxAction action) {
        return pbx.send(action)
                .exceptionally(error -> PbxReply.error(rootMessage(error)))
                .thenApplyAsync(reply -> reply, scheduler);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t instanceof CompletionException) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
