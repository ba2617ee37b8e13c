package org.dialerd.core.store.reference;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ReferenceData#refresh()} on a thread of its own at a fixed delay, so the check never
 * runs on the engine thread or an ECCP worker. Closing stops it.
 */
public final class ReferenceRefresh implements AutoCloseable {
    /** Half the 1 s within which a web UI edit must show. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(ReferenceRefresh.class);

    private final ScheduledExecutorService scheduler;

    private ReferenceRefresh(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts refreshing {@code data} every {@code interval}, the first time after one interval. */
    public static ReferenceRefresh start(ReferenceData data, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("reference refresh interval must be positive: " + interval);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dialerd-reference"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                data.refresh();
            } catch (RuntimeException e) {
                log.error("reference refresh failed", e); // keep the schedule: the next one may succeed
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new ReferenceRefresh(scheduler);
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("reference refresh did not stop within 5 s");
        }
    }
}
