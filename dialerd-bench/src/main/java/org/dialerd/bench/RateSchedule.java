package org.dialerd.bench;

/**
 * Open-loop pacing: the i-th request is due at {@code start + i / rate}, whatever happened to
 * the ones before. A sender that falls behind sends the late ones at once, and their latency is
 * measured from the time they were due, not from when they left: a stall of the server shows
 * in every request it delayed (no coordinated omission).
 */
final class RateSchedule {
    private final long startNanos;
    private final double perSecond;

    RateSchedule(long startNanos, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be above 0 per second, got " + perSecond);
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
    }

    /** When the {@code index}-th request (from 0) is due, on the {@link System#nanoTime()} scale. */
    long intendedNanos(long index) {
        return startNanos + (long) (index * 1_000_000_000.0 / perSecond);
    }

    /**
     * Waits on this thread until {@code dueNanos} and returns the time it goes on: parked until 10 µs
     * before (a park shorter than 20 µs is not worth its wake-up), then spinning, so a sender that
     * woke in time is late by nanoseconds, not by the timer's slack. A sender already late returns at once.
     */
    static long awaitNanos(long dueNanos) {
        long wait = dueNanos - System.nanoTime();
        if (wait > 20_000) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait - 10_000);
        }
        long now;
        while ((now = System.nanoTime()) < dueNanos) {
            Thread.onSpinWait();
        }
        return now;
    }

    /** How many requests are due by {@code nowNanos} (those with index below the result). */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        return (long) Math.floor((nowNanos - startNanos) * perSecond / 1_000_000_000.0) + 1;
    }
}
