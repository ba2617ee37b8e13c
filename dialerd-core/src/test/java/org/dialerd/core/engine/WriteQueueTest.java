package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class WriteQueueTest {
    @Test
    void writesRunInSubmissionOrder() {
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue("t", Duration.ofMillis(1), Duration.ofMillis(5))) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                queue.submit("w" + n, () -> done.add(n));
            }
            assertTrue(queue.flush(Duration.ofSeconds(5)));
        }
        assertEquals(100, done.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, done.get(i));
        }
    }

    @Test
    void databaseOutageDelaysWritesWithoutLosingOrReorderingThem() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue("t", Duration.ofMillis(1), Duration.ofMillis(5))) {
            var first = queue.submit("first", () -> {
                attempts.incrementAndGet();
                if (down.get()) {
                    throw new StoreException("connection refused", new RuntimeException());
                }
                done.add("first");
            });
            queue.submit("second", () -> done.add("second"));
            while (attempts.get() < 3) {
                Thread.onSpinWait();
            }
            assertEquals(List.of(), done);
            down.set(false);
            first.get(5, TimeUnit.SECONDS);
            assertTrue(queue.flush(Duration.ofSeconds(5)));
        }
        assertEquals(List.of("first", "second"), done);
    }

    @Test
    void reportsHowLongTheOldestWriteHasWaited() throws Exception {
        OutageLogTest.MovableClock clock = new OutageLogTest.MovableClock();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try (WriteQueue queue = new WriteQueue("t", Duration.ofMillis(1), Duration.ofMillis(5), clock)) {
            assertEquals(Duration.ZERO, queue.oldestWaiting());
            queue.submit("slow", () -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            clock.advance(Duration.ofMillis(1500));
            queue.submit("behind", () -> { });
            clock.advance(Duration.ofMillis(500));
            assertEquals(2, queue.pending());
            assertEquals(Duration.ofMillis(2000), queue.oldestWaiting(), "the write being carried out counts");
            release.countDown();
            assertTrue(queue.flush(Duration.ofSeconds(5)));
            assertEquals(Duration.ZERO, queue.oldestWaiting());
        }
    }

    @Test
    void aBuggyWriteIsDroppedSoTheQueueKeepsMoving() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue("t", Duration.ofMillis(1), Duration.ofMillis(5))) {
            var bad = queue.submit("bad", () -> {
                throw new IllegalStateException("bug");
            });
            queue.submit("good", () -> done.add("good"));
            assertTrue(queue.flush(Duration.ofSeconds(5)));
            assertTrue(bad.isCompletedExceptionally());
        }
        assertEquals(List.of("good"), done);
    }
}
