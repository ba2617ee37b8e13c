package org.dialerd.ami;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;

/**
 * Actions sent and not answered yet. Each ends exactly once: answered, timed out, or failed
 * when the connection drops. Every ending runs on the dispatch thread, so the engine sees a
 * reply after the events that preceded it on the wire.
 */
final class PendingReplies {

    private final ScheduledExecutorService timer;
    private final EventDispatcher dispatcher;
    private final ResponseLedger ledger;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    PendingReplies(ScheduledExecutorService timer, EventDispatcher dispatcher, ResponseLedger ledger) {
        this.timer = timer;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
    }

    /** A new pending reply that fails with a {@link PbxException} when {@code timeout} passes. */
    Pending register(String action, Duration timeout) {
        Pending p = new Pending(ids.incrementAndGet(), action);
        pending.put(p.id, p);
        try {
            p.timeoutTask = timer.schedule(() -> dispatcher.run(() -> {
                if (!p.isDone() && p.actionId != null) {
                    ledger.timedOut(action, p.actionId, timeout.toMillis());
                }
                p.fail(new PbxNoAnswerException("AMI " + action + ": no answer within " + timeout.toMillis() + " ms"));
            }), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            p.fail(new PbxException("No AMI connection", e));
        }
        return p;
    }

    /** Fails every pending reply (the connection is gone: no answer will come). */
    void failAll(String reason) {
        for (Pending p : pending.values()) {
            if (p.actionId != null) {
                ledger.forget(p.actionId);
            }
            dispatcher.run(() -> p.fail(new PbxNoAnswerException(reason + " before the answer to " + p.action)));
        }
    }

    final class Pending {
        final long id;
        final String action;
        final CompletableFuture<PbxReply> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeoutTask;
        /** The ActionID it went out with, once written. */
        volatile String actionId;

        private Pending(long id, String action) {
            this.id = id;
            this.action = action;
        }

        boolean isDone() {
            return future.isDone();
        }

        void complete(PbxReply reply) {
            end();
            future.complete(reply);
        }

        void fail(PbxException failure) {
            end();
            future.completeExceptionally(failure);
        }

        private void end() {
            pending.remove(id);
            ScheduledFuture<?> t = timeoutTask;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
