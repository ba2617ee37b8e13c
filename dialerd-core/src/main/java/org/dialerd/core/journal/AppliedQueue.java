package org.dialerd.core.journal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The journal's records that are on disk and not yet applied, in order, for the one applier
 * thread, and whoever waits for a seq to be applied ({@link Journal#whenApplied}). Its own
 * monitor: the journal adds to it while holding its lock (never the other way round), the
 * applier waits on it without holding the journal's.
 */
final class AppliedQueue {
    private final ArrayDeque<JournalEntry> durable = new ArrayDeque<>();
    private final TreeMap<Long, CompletableFuture<Void>> appliedWaiters = new TreeMap<>();
    private long appliedSeq;
    private boolean closed;

    AppliedQueue(List<JournalEntry> recovered) {
        durable.addAll(recovered);
    }

    /** On disk now: the applier may take it. */
    synchronized void add(JournalEntry entry) {
        durable.addLast(entry);
        notifyAll();
    }

    /** Up to {@code max} of the next records, in order; empty after the timeout or once closed. */
    synchronized List<JournalEntry> awaitBatch(Duration timeout, int max) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (durable.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return durable.stream().limit(max).toList();
    }

    /** Every record up to {@code seq} is applied: they leave, and the waiters up to it are told. */
    void markApplied(long seq) {
        List<CompletableFuture<Void>> done;
        synchronized (this) {
            while (!durable.isEmpty() && durable.peekFirst().seq() <= seq) {
                durable.pollFirst();
            }
            appliedSeq = Math.max(appliedSeq, seq);
            var ready = appliedWaiters.headMap(appliedSeq, true);
            done = new ArrayList<>(ready.values());
            ready.clear();
        }
        done.forEach(f -> f.complete(null));
    }

    /** Completes once every record up to {@code seq} has been applied. */
    synchronized CompletableFuture<Void> whenApplied(long seq) {
        if (seq <= appliedSeq) {
            return CompletableFuture.completedFuture(null);
        }
        return appliedWaiters.computeIfAbsent(seq, s -> new CompletableFuture<>());
    }

    synchronized int size() {
        return durable.size();
    }

    synchronized Optional<JournalEntry> oldest() {
        return Optional.ofNullable(durable.peekFirst());
    }

    /** Wakes the applier: it finds nothing more. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
