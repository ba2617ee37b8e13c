package org.dialerd.core.store.answers;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AnswerCache}'s change check on a thread of its own at a fixed delay (never on
 * the engine thread or an ECCP worker). Closing stops it, and with it the cache's serving.
 */
public final class AnswerRefresh implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnswerRefresh.class);

    private final ScheduledExecutorService scheduler;
    private volatile boolean failing;

    private AnswerRefresh(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Checks at once, then every {@code interval}. */
    public static AnswerRefresh start(AnswerCache cache, ChangeSource source, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("answer check interval must be positive: " + interval);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dialerd-answer-check"));
        AnswerRefresh refresh = new AnswerRefresh(scheduler);
        scheduler.scheduleWithFixedDelay(() -> refresh.once(cache, source), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return refresh;
    }

    private void once(AnswerCache cache, ChangeSource source) {
        try {
            cache.check(source);
            if (failing) {
                failing = false;
                log.info("answer cache: change check answers again; cached answers served again");
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every 500 ms
                failing = true;
                log.warn("answer cache: change check failed ({}); answers are read from the database until it"
                        + " succeeds", e.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("answer check did not stop within 5 s");
        }
    }
}
