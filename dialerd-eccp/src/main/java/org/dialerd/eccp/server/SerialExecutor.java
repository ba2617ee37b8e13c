package org.dialerd.eccp.server;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's tasks one at a time, in submission order, on a shared pool. This is
 * what makes responses come back in request order and each request take effect before the
 * next one runs, while many sessions still run in parallel. A task may finish later (a request
 * handed to the database executor): the session's next task waits for it without holding a
 * pool thread.
 */
final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Queue<Supplier<CompletableFuture<?>>> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor pool;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        executeAsync(() -> {
            task.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Runs the task in turn; the session's next task starts once the returned future completes. */
    void executeAsync(Supplier<CompletableFuture<?>> task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        Supplier<CompletableFuture<?>> task;
        while ((task = tasks.poll()) != null) {
            CompletableFuture<?> done;
            try {
                done = task.get();
            } catch (RuntimeException e) {
                log.error("ECCP session task failed", e);
                continue;
            }
            if (!done.isDone()) {
                done.whenComplete((v, e) -> pool.execute(this::drain));
                return; // still scheduled: the completion carries on draining
            }
        }
        scheduled.set(false);
        // A task added after the last poll but before the reset would otherwise wait forever.
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }
}
