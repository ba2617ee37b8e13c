package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OutageLogTest {
    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anOutageIsOneWarningWhenItStartsAndOneLineWhenItEnds() {
        MovableClock clock = new MovableClock();
        try (LogCapture log = new LogCapture(OutageLogTest.class)) {
            OutageLog outage = new OutageLog(LoggerFactory.getLogger(OutageLogTest.class), clock);
            outage.succeeded(0);
            assertFalse(outage.inOutage());
            outage.failed("open session of Agent/9000", "Connection refused", 3, Duration.ofMillis(100));
            for (int retry = 0; retry < 20; retry++) {
                clock.advance(Duration.ofSeconds(3));
                outage.failed("open session of Agent/9000", "Connection refused", 3 + retry, Duration.ofSeconds(10));
            }
            assertTrue(outage.inOutage());
            outage.succeeded(22);
            outage.succeeded(21);
            assertFalse(outage.inOutage());

            assertEquals(List.of(
                    "WARN database unavailable: write 'open session of Agent/9000' failed (Connection refused); "
                            + "3 writes waiting, retrying with backoff",
                    "INFO database available again after 60 s (21 failed attempts); 22 writes waiting"),
                    log.visible());
            assertEquals(20, log.lines().stream().filter(l -> l.startsWith("DEBUG")).count(), "retries at DEBUG");
        }
    }

    @Test
    void aSecondOutageIsReportedAgain() {
        MovableClock clock = new MovableClock();
        try (LogCapture log = new LogCapture(OutageLogTest.class)) {
            OutageLog outage = new OutageLog(LoggerFactory.getLogger(OutageLogTest.class), clock);
            outage.failed("a", "down", 1, Duration.ofMillis(100));
            outage.succeeded(0);
            outage.failed("b", "down again", 1, Duration.ofMillis(100));
            outage.succeeded(0);
            assertEquals(4, log.visible().size(), log.lines().toString());
        }
    }

    @Test
    void theWriteQueueLogsAnOutageOnceHoweverOftenItRetries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch retried = new CountDownLatch(5);
        try (LogCapture log = new LogCapture(WriteQueue.class);
             WriteQueue queue = new WriteQueue("t", Duration.ofMillis(1), Duration.ofMillis(2))) {
            CompletableFuture<Void> write = queue.submit("close break of Agent/9001", () -> {
                if (attempts.incrementAndGet() <= 5) {
                    retried.countDown();
                    throw new StoreException("Connection refused", new RuntimeException());
                }
            });
            queue.submit("second", () -> { });
            assertTrue(retried.await(5, TimeUnit.SECONDS));
            write.get(5, TimeUnit.SECONDS);
            assertTrue(queue.flush(Duration.ofSeconds(5)));

            List<String> visible = log.visible();
            assertEquals(2, visible.size(), visible.toString());
            assertTrue(visible.get(0).matches("WARN database unavailable: write 'close break of Agent/9001' "
                    + "failed \\(Connection refused\\); [12] writes waiting, retrying with backoff"), visible.get(0));
            assertTrue(visible.get(1).matches("INFO database available again after \\d+ s \\(5 failed attempts\\); "
                    + "\\d+ writes waiting"), visible.get(1));
        }
    }
}
