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
import java.util.function.LongSupplier;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;

/**
 * Actions sent and not answered yet. Each ends exactly once: answered, timed out, or failed
 * when the connection drops. Every ending runs on the dispatch thread, so the engine sees a
 * reply after the events that preceded it on the wire. Each ending is reported to
 * {@link AmiMetrics} with how long the action took.
 */
final class PendingReplies {

    private final ScheduledExecutorService timer;
    private final EventDispatcher dispatcher;
    private final ResponseLedger ledger;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AmiMetrics metrics;
    private final LongSupplier nanoTime;

    PendingReplies(ScheduledExecutorService timer, EventDispatcher dispatcher, ResponseLedger ledger) {
        this(timer, dispatcher, ledger, AmiMetrics.NONE, System::nanoTime);
    }

    /** {@code nanoTime}: the ticker action durations are measured with. */
    PendingReplies(ScheduledExecutorService timer, EventDispatcher dispatcher, ResponseLedger ledger,
                   AmiMetrics metrics, LongSupplier nanoTime) {
        this.timer = timer;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
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
                p.end(AmiMetrics.Outcome.TIMED_OUT,
                        new PbxNoAnswerException("AMI " + action + ": no answer within " + timeout.toMillis() + " ms"));
            }), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            p.fail(new PbxException("No AMI connection", e));
        }
        return p;
    }

    /** Actions whose reply has not ended yet (answered, timed out or failed). */
    int size() {
        return pending.size();
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
        private final long startNanos = nanoTime.getAsLong();

        private Pending(long id, String action) {
            this.id = id;
            this.action = action;
        }

        boolean isDone() {
            return future.isDone();
        }

        void complete(PbxReply reply) {
            if (settle(AmiMetrics.Outcome.ANSWERED)) {
                future.complete(reply);
            }
        }

        void fail(PbxException failure) {
            end(AmiMetrics.Outcome.FAILED, failure);
        }

        private void end(AmiMetrics.Outcome outcome, PbxException failure) {
            if (settle(outcome)) {
                future.completeExceptionally(failure);
            }
        }

        /** False if the action had already ended (e.g. answered just after it timed out). */
        private boolean settle(AmiMetrics.Outcome outcome) {
            if (pending.remove(id) == null) {
                return false;
            }
            ScheduledFuture<?> t = timeoutTask;
            if (t != null) {
                t.cancel(false);
            }
            metrics.actionFinished(action, outcome, nanoTime.getAsLong() - startNanos);
            return true;
        }
    }
}
