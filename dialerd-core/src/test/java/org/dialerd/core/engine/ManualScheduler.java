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
    private final PriorityQueue<Timed> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timed::at).thenComparingLong(Timed::order));
    private static final int SETTLE_PASSES = 5;
    private long nowMillis;
    private long scheduled;

    @Override
    public synchronized void execute(Runnable command) {
        ready.add(command);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timed(nowMillis + Math.max(0, delay.toMillis()), scheduled++, task, cancelled));
        return () -> cancelled[0] = true;
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
            }
            if (!due.cancelled()[0]) {
                due.task().run();
            }
            runUntilIdle();
        }
    }
}
