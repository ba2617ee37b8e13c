package org.dialerd.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dialerd.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database writes in the order they were submitted, one at a time, off every caller's
 * thread. A write that fails because the database is unavailable ({@link StoreException})
 * is retried with growing backoff, and the writes behind it wait: order is kept and nothing
 * is dropped while the database is down. A write that fails for any other reason (a bug) is
 * logged and failed so it cannot wedge the queue. An outage is logged once when it begins and
 * once when it ends ({@link OutageLog}); depth and the age of the oldest write are readable
 * from any thread, for health checks and metrics.
 */
public final class WriteQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);

    private record Write<T>(String description, Supplier<T> work, CompletableFuture<T> result, Instant submitted) {
        void attempt() {
            result.complete(work.get());
        }
    }

    private final ScheduledExecutorService thread;
    private final Deque<Write<?>> pending = new ArrayDeque<>();
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final OutageLog outage;
    private Duration backoff;
    private boolean running;
    private boolean closed;

    public WriteQueue(String name, Duration minBackoff, Duration maxBackoff) {
        this(name, minBackoff, maxBackoff, Clock.systemUTC());
    }

    /** {@code clock} dates submissions, for {@link #oldestWaiting()} and the outage's length. */
    public WriteQueue(String name, Duration minBackoff, Duration maxBackoff, Clock clock) {
        this.clock = clock;
        this.outage = new OutageLog(log, clock);
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = minBackoff;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a write; the future completes when it has been carried out. */
    public <T> CompletableFuture<T> submit(String description, Supplier<T> work) {
        Write<T> write = new Write<>(description, work, new CompletableFuture<>(), clock.instant());
        synchronized (pending) {
            if (closed) {
                write.result().completeExceptionally(new IllegalStateException("write queue closed"));
                return write.result();
            }
            pending.addLast(write);
            if (!running) {
                running = true;
                thread.execute(this::drain);
            }
        }
        return write.result();
    }

    public CompletableFuture<Void> submit(String description, Runnable work) {
        return submit(description, () -> {
            work.run();
            return null;
        });
    }

    /** Waits until every write submitted before this call has been carried out. */
    public boolean flush(Duration timeout) {
        try {
            submit("flush", () -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether {@link #close} was called: no more writes are taken. */
    public boolean isClosed() {
        synchronized (pending) {
            return closed;
        }
    }

    /** Writes not yet carried out, including one being retried. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** How long the oldest write still waiting has been queued; zero when none is. */
    public Duration oldestWaiting() {
        Instant oldest;
        synchronized (pending) {
            Write<?> head = pending.peekFirst();
            if (head == null) {
                return Duration.ZERO;
            }
            oldest = head.submitted();
        }
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    private void drain() {
        while (true) {
            Write<?> head;
            synchronized (pending) {
                head = pending.peekFirst();
                if (head == null) {
                    running = false;
                    return;
                }
            }
            try {
                head.attempt();
                outage.succeeded(pending() - 1);
                backoff = minBackoff;
            } catch (StoreException e) {
                outage.failed(head.description(), e.getMessage(), pending(), backoff);
                Duration delay = backoff;
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                thread.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (RuntimeException e) {
                log.error("database write '{}' failed and is dropped", head.description(), e);
                head.result().completeExceptionally(e);
            }
            synchronized (pending) {
                pending.pollFirst();
            }
        }
    }

    /** Stops taking writes and waits up to {@code timeout} for the queued ones. */
    public boolean close(Duration timeout) {
        synchronized (pending) {
            closed = true;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        thread.execute(() -> awaitEmpty(drained));
        try {
            drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("{} database writes not carried out at shutdown", pending());
            return false;
        } finally {
            thread.shutdownNow();
        }
    }

    private void awaitEmpty(CompletableFuture<Void> drained) {
        if (pending() == 0) {
            drained.complete(null);
        } else {
            thread.schedule(() -> awaitEmpty(drained), 10, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
