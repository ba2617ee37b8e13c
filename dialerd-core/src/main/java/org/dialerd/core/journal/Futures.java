package org.dialerd.core.journal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waiting for the journal's futures (a flush, a drain) without letting their failure out. */
final class Futures {
    private Futures() {
    }

    /**
     * Whether {@code future} completed normally within {@code timeout}; false when it failed, did
     * not complete in time, or the wait was interrupted (the interrupt flag is kept).
     */
    static boolean completesWithin(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
