package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void aCompletedFutureCompletesWithin() {
        assertTrue(Futures.completesWithin(CompletableFuture.completedFuture(1), Duration.ZERO));
    }

    @Test
    void aFailedOrLateFutureDoesNot() {
        assertFalse(Futures.completesWithin(CompletableFuture.failedFuture(new IllegalStateException("no")),
                Duration.ofSeconds(1)));
        assertFalse(Futures.completesWithin(new CompletableFuture<>(), Duration.ofMillis(1)));
    }

    @Test
    void anInterruptedWaitAnswersFalseAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertFalse(Futures.completesWithin(new CompletableFuture<>(), Duration.ofSeconds(10)));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is restored");
        } finally {
            Thread.interrupted();
        }
    }
}
