package org.dialerd.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/** The engine thread under test control: tasks run when the test says, on virtual time. */
final class ManualScheduler implements EngineScheduler {
    private record Timed(long at, long order, Runnable task, boolean[] cancelled) {}

    private final Deque<Runnable> ready = new ArrayDeque<>();
    /** Due time, then the order of scheduling (written out: DialerSoakTest spends a fifth of its time here). */
    private static final Comparator<Timed> DUE_ORDER = (a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at())
            : Long.compare(a.order(), b.order());
    private final PriorityQueue<Timed> timers = new PriorityQueue<>(DUE_ORDER);
    private static final int SETTLE_PASSES = 5;
    /** Past this many timers, cancelled ones are dropped once they are half of them. */
    private static final int PURGE_ABOVE = 1024;
    private long nowMillis;
    private long scheduled;
    private int cancelledWaiting;

    @Override
    public synchronized void execute(Runnable command) {
        ready.add(command);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timed(nowMillis + Math.max(0, delay.toMillis()), scheduled++, task, cancelled));
        return () -> cancel(cancelled);
    }

    /** Cancelled timers stay queued (and are skipped when due) until they are half the queue. */
    private synchronized void cancel(boolean[] cancelled) {
        if (cancelled[0]) {
            return;
        }
        cancelled[0] = true;
        cancelledWaiting++;
        if (timers.size() > PURGE_ABOVE && cancelledWaiting * 2 > timers.size()) {
            timers.removeIf(t -> t.cancelled()[0]);
            cancelledWaiting = 0;
        }
    }

    synchronized long nowMillis() {
        return nowMillis;
    }

    /** A clock that reads this scheduler's virtual time, starting at {@code epoch}. */
    Clock clock(Instant epoch) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return epoch.plusMillis(nowMillis());
            }
        };
    }

    /** Runs every ready task, including the ones they post. */
    void runUntilIdle() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = ready.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /**
     * Runs ready tasks pass after pass, so work the engine hands to its read and write threads
     * and posts back in between is run too (a few passes are enough for the engine tests).
     */
    void settle() {
        for (int i = 0; i < SETTLE_PASSES; i++) {
            runUntilIdle();
        }
    }

    /** Settles, then the engine's answer, which must be there by then. */
    <T> T answer(CompletableFuture<T> future) {
        settle();
        if (!future.isDone()) {
            throw new AssertionError("engine did not answer");
        }
        return future.join();
    }

    /** Moves virtual time on, firing due timers in order. */
    void advance(Duration duration) {
        long target = nowMillis() + duration.toMillis();
        runUntilIdle();
        while (true) {
            Timed due;
            synchronized (this) {
                due = timers.peek();
                if (due == null || due.at() > target) {
                    nowMillis = target;
                    return;
                }
                timers.poll();
                nowMillis = due.at();
                if (due.cancelled()[0]) {
                    cancelledWaiting--;
                }
            }
            if (!due.cancelled()[0]) {
                due.task().run();
            }
            runUntilIdle();
        }
    }
}
