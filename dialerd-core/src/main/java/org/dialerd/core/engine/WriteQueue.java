package org.dialerd.core.engine;

import java.time.Duration;
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
 * logged and failed so it cannot wedge the queue.
 */
public final class WriteQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);

    private record Write<T>(String description, Supplier<T> work, CompletableFuture<T> result) {
        void attempt() {
            result.complete(work.get());
        }
    }

    private final ScheduledExecutorService thread;
    private final Deque<Write<?>> pending = new ArrayDeque<>();
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private Duration backoff;
    private boolean running;
    private boolean closed;

    public WriteQueue(String name, Duration minBackoff, Duration maxBackoff) {
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
        Write<T> write = new Write<>(description, work, new CompletableFuture<>());
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

    /** Writes not yet carried out, including one being retried. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
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
                if (!backoff.equals(minBackoff)) {
                    log.info("database writes resumed; {} waiting", pending() - 1);
                }
                backoff = minBackoff;
            } catch (StoreException e) {
                log.warn("database write '{}' failed ({}); retrying in {} ms, {} writes waiting",
                        head.description(), e.getMessage(), backoff.toMillis(), pending());
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
