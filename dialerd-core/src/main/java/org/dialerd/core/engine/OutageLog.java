package org.dialerd.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Turns a run of failed database writes into two log lines: one WARN when the first write
 * fails, one INFO when writes go through again, each with the number of writes waiting. The
 * retries in between go to DEBUG, so an outage of an hour with a retry every 10 s does not
 * bury the log. Used by the write queue's single writer thread only.
 */
final class OutageLog {
    private final Logger log;
    private final Clock clock;
    private Instant since;
    private int failedAttempts;

    OutageLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A write failed because the database is unavailable; it is retried after {@code retryIn}. */
    void failed(String write, String reason, int waiting, Duration retryIn) {
        failedAttempts++;
        if (since == null) {
            since = clock.instant();
            log.warn("database unavailable: write '{}' failed ({}); {} writes waiting, retrying with backoff",
                    write, reason, waiting);
        } else {
            log.debug("database write '{}' failed again ({}); attempt {}, {} writes waiting, next try in {} ms",
                    write, reason, failedAttempts, waiting, retryIn.toMillis());
        }
    }

    /** A write went through; ends the outage if there was one. */
    void succeeded(int waiting) {
        if (since == null) {
            return;
        }
        long seconds = Math.max(0, Duration.between(since, clock.instant()).toSeconds());
        log.info("database available again after {} s ({} failed attempts); {} writes waiting", seconds,
                failedAttempts, waiting);
        since = null;
        failedAttempts = 0;
    }

    boolean inOutage() {
        return since != null;
    }
}
