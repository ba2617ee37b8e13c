package org.dialerd.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the abandoned-call counter (2-second rule): its 30 days rebuilt from the progress rows
 * once the journal has applied every earlier write, its targets from the shared read of
 * dialerd_campaign_options ({@link CampaignOptionsCache}: an edit shows within about 1 s).
 */
final class AbandonStartup {
    private static final Logger log = LoggerFactory.getLogger(AbandonStartup.class);
    /** Longest the rebuild's read may take before dialerd starts with empty figures. */
    static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(30);

    private AbandonStartup() {
    }

    static AbandonCounter start(OutgoingCallStore store, CampaignOptionsCache options, EngineWrites writes,
                                Clock clock) {
        AbandonCounter counter = new AbandonCounter(clock, id -> options.of(id).abandonTargetPercent());
        LocalDateTime since = LocalDate.now(clock).minusDays(AbandonCounter.DAYS - 1).atStartOfDay();
        try {
            List<OutgoingCallStore.AnsweredAttempt> attempts = writes.readAfterWrites(
                    "abandoned calls of the last 30 days", () -> store.answeredSince(since))
                    .get(REBUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            counter.rebuild(attempts);
            log.info("abandoned calls: {} answered attempts since {} read", attempts.size(), since);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("abandoned calls: interrupted while reading the last 30 days; counting from now");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The daemon still starts (the database may be down); the figures then cover only from now.
            log.warn("abandoned calls: cannot read the last 30 days ({}); counting from now", e.toString());
        }
        return counter;
    }
}
