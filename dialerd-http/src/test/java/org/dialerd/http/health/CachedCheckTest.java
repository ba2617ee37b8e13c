package org.dialerd.http.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class CachedCheckTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final CachedCheck check = new CachedCheck(() -> {
        runs.incrementAndGet();
        return up.get();
    }, Duration.ofSeconds(1), clock);

    @Test
    void runsTheCheckAtMostOncePerMaxAge() {
        for (int i = 0; i < 100; i++) {
            assertTrue(check.current().up());
            clock.advance(Duration.ofMillis(5));
        }
        assertEquals(1, runs.get(), "100 polls within 500 ms: one check");
        clock.advance(Duration.ofMillis(500));
        check.current();
        assertEquals(2, runs.get());
    }

    @Test
    void sinceMovesOnlyWhenTheAnswerChanges() {
        assertEquals(T0, check.current().since());
        clock.advance(Duration.ofSeconds(2));
        CachedCheck.Result still = check.current();
        assertEquals(T0, still.since());
        assertEquals(T0.plusSeconds(2), still.checkedAt());
        up.set(false);
        clock.advance(Duration.ofSeconds(2));
        CachedCheck.Result down = check.current();
        assertFalse(down.up());
        assertEquals(T0.plusSeconds(4), down.since());
    }

    @Test
    void aCheckThatThrowsMeansDown() {
        CachedCheck failing = new CachedCheck(() -> {
            throw new IllegalStateException("pool closed");
        }, Duration.ofSeconds(1), clock);
        assertFalse(failing.current().up());
    }

    @Test
    void whileOneCallerChecksTheOthersGetThePreviousAnswerAtOnce() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CachedCheck slow = new CachedCheck(() -> {
            if (calls.incrementAndGet() == 2) {
                checking.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            return true;
        }, Duration.ofSeconds(1), clock);
        assertTrue(slow.current().up());
        clock.advance(Duration.ofSeconds(2));
        CompletableFuture<CachedCheck.Result> refreshing = CompletableFuture.supplyAsync(slow::current);
        assertTrue(checking.await(5, TimeUnit.SECONDS));

        CachedCheck.Result meanwhile = slow.current();
        assertTrue(meanwhile.up(), "the previous answer, without waiting");
        assertEquals(T0, meanwhile.checkedAt());
        release.countDown();
        assertFalse(refreshing.get(5, TimeUnit.SECONDS).up());
        assertFalse(slow.current().up());
        assertEquals(2, calls.get());
    }
}
