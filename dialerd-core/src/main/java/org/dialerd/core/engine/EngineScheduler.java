package org.dialerd.core.engine;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.DaemonThreads;

/**
 * The engine's single thread: everything that touches engine state runs here, in order, so
 * the state needs no locks. Delayed work (login timeouts) goes through {@link #schedule}, which
 * tests replace with a virtual clock.
 */
public interface EngineScheduler extends Executor {

    /** A delayed task that may still be called off. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);

    /** A real thread. */
    static EngineScheduler singleThread(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        return new EngineScheduler() {
            @Override
            public void execute(Runnable command) {
                executor.execute(command);
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }
        };
    }
}
