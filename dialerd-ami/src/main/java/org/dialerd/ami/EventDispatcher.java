package org.dialerd.ami;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the engine: translated events and action replies, in the order
 * they were handed over. asterisk-java's event pump only enqueues here (its own queue drops
 * events when it fills up), so this queue is unbounded; instead of dropping, it measures how
 * far the listeners lag and says so.
 */
final class EventDispatcher {
    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    /** Queue depth, and wait of one task, past which the listeners are reported as lagging. */
    static final int LAG_WARN_DEPTH = 5_000;
    static final Duration LAG_WARN_WAIT = Duration.ofSeconds(1);
    private static final long LAG_WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final ExecutorService thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), new DaemonThreads("dialerd-ami-events"));
    private final List<Consumer<PbxEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lastLagWarning = new AtomicLong(System.nanoTime() - LAG_WARN_EVERY_NANOS);

    /** Tasks handed over and not started yet. */
    int queued() {
        return queued.get();
    }

    void addListener(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    /** Hands an event to every listener, after everything handed over before it. */
    void publish(PbxEvent event) {
        run(() -> deliver(event));
    }

    /** Runs {@code task} on the dispatch thread in order; inline once the dispatcher is shut down. */
    void run(Runnable task) {
        long handedOver = System.nanoTime();
        int depth = queued.incrementAndGet();
        maxQueued.accumulateAndGet(depth, Math::max);
        if (depth >= LAG_WARN_DEPTH) {
            warnLag(depth, 0);
        }
        try {
            thread.execute(() -> {
                queued.decrementAndGet();
                long waited = System.nanoTime() - handedOver;
                if (waited >= LAG_WARN_WAIT.toNanos()) {
                    warnLag(queued.get(), TimeUnit.NANOSECONDS.toMillis(waited));
                }
                task.run();
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            task.run();
        }
    }

    /** Lets the queued tasks finish, at most {@code timeout}. */
    void shutdown(Duration timeout) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("AMI event dispatch did not drain within {} ms; {} tasks abandoned", timeout.toMillis(),
                        thread.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.debug("AMI event dispatch stopped: {} events delivered, queue peaked at {}", delivered.get(),
                maxQueued.get());
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
