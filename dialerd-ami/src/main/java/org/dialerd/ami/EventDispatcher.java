package org.dialerd.ami;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translated events and action replies reach the listeners one at a time, in the order they
 * were handed over. asterisk-java's event pump only hands over here (its own queue drops events
 * when it fills up), so this queue is unbounded; instead of dropping, it measures how far the
 * listeners lag and says so.
 *
 * <p>Who runs the tasks: one drainer at a time, in hand-over order. An event the pump hands over
 * ({@link #queueEvent} then {@link #deliverHere}) is delivered on the pump's own thread when
 * nothing else is being delivered: no wake-up of another thread per event (the
 * {@code dialerd-ami-events} relay was one hop of every AMI event → ECCP event path). Replies,
 * timeouts and the session's Connected/Disconnected ({@link #run}, {@link #publish}) always run
 * on the {@code dialerd-ami-events} thread, so reply callbacks never run on asterisk-java's
 * threads; a pump that meets one of them in the queue hands the rest over to that thread.
 * Listeners must return at once (the engine's hands the event to its own thread).
 */
final class EventDispatcher {
    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    /** Queue depth, and wait of one task, past which the listeners are reported as lagging. */
    static final int LAG_WARN_DEPTH = 5_000;
    static final Duration LAG_WARN_WAIT = Duration.ofSeconds(1);
    private static final long LAG_WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    /** {@code event}: may run on the thread that handed it over. */
    private record Task(Runnable work, boolean event, long handedOver) {}

    private final ExecutorService thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), new DaemonThreads("dialerd-ami-events"));
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    /** Held by the one thread running tasks now; only its holder takes from {@link #tasks}. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final List<Consumer<PbxEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deliveredHere = new AtomicLong();
    private final AtomicLong lastLagWarning = new AtomicLong(System.nanoTime() - LAG_WARN_EVERY_NANOS);

    /** Tasks handed over and not started yet. */
    int queued() {
        return queued.get();
    }

    /** Events delivered on the thread that handed them over (not the dispatch thread) so far. */
    long deliveredOnCaller() {
        return deliveredHere.get();
    }

    void addListener(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    /** Hands an event to every listener on the dispatch thread, after everything handed over before it. */
    void publish(PbxEvent event) {
        enqueue(() -> deliver(event), false);
        drainOnThread();
    }

    /**
     * Queues an event after everything handed over before it, without delivering it: the caller
     * calls {@link #deliverHere} next, once it holds no lock (listeners run there).
     */
    void queueEvent(PbxEvent event) {
        enqueue(() -> deliver(event), true);
    }

    /**
     * Delivers the queued events on the calling thread if no other thread is delivering now (else
     * that one delivers them, in order); stops at the first reply or other task and hands the
     * rest over to the dispatch thread.
     */
    void deliverHere() {
        if (draining.compareAndSet(false, true)) {
            drain(false);
        }
    }

    /** Runs {@code task} on the dispatch thread in order; on the caller once the dispatcher is shut down. */
    void run(Runnable task) {
        enqueue(task, false);
        drainOnThread();
    }

    /** Lets the queued tasks finish, at most {@code timeout}. */
    void shutdown(Duration timeout) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                int left = tasks.size();
                tasks.clear();
                thread.shutdownNow();
                log.warn("AMI event dispatch did not drain within {} ms; {} tasks abandoned", timeout.toMillis(), left);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.debug("AMI event dispatch stopped: {} events delivered ({} on the pump's thread), queue peaked at {}",
                delivered.get(), deliveredHere.get(), maxQueued.get());
    }

    private void enqueue(Runnable work, boolean event) {
        int depth = queued.incrementAndGet();
        maxQueued.accumulateAndGet(depth, Math::max);
        if (depth >= LAG_WARN_DEPTH) {
            warnLag(depth, 0);
        }
        tasks.add(new Task(work, event, System.nanoTime()));
    }

    private void drainOnThread() {
        if (draining.compareAndSet(false, true)) {
            handToThread();
        }
    }

    /** The caller holds {@link #draining}; the dispatch thread (or, shut down, the caller) drains. */
    private void handToThread() {
        try {
            thread.execute(() -> drain(true));
        } catch (RejectedExecutionException e) {
            drain(true);
        }
    }

    /** Runs tasks while holding {@link #draining}; releases it when the queue is empty. */
    private void drain(boolean dispatchThread) {
        boolean here = !dispatchThread;
        while (true) {
            Task task;
            while ((task = tasks.peek()) != null) {
                if (here && !task.event()) {
                    handToThread();
                    return;
                }
                tasks.poll();
                queued.decrementAndGet();
                long waited = System.nanoTime() - task.handedOver();
                if (waited >= LAG_WARN_WAIT.toNanos()) {
                    warnLag(queued.get(), TimeUnit.NANOSECONDS.toMillis(waited));
                }
                if (here) {
                    deliveredHere.incrementAndGet();
                }
                try {
                    task.work().run();
                } catch (RuntimeException e) {
                    log.warn("AMI dispatch task failed", e);
                }
            }
            draining.set(false);
            // Handed over between the last look and the release: take it back, or its owner will.
            if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void deliver(PbxEvent event) {
        delivered.incrementAndGet();
        for (Consumer<PbxEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("AMI event listener {} failed on {}", listener, event, e);
            }
        }
    }

    private void warnLag(int depth, long waitedMillis) {
        long now = System.nanoTime();
        long last = lastLagWarning.get();
        if (now - last >= LAG_WARN_EVERY_NANOS && lastLagWarning.compareAndSet(last, now)) {
            log.warn("AMI event dispatch lagging: {} tasks queued (peak {}), one waited {} ms; "
                    + "listeners must hand work off and return", depth, maxQueued.get(), waitedMillis);
        }
    }
}
