package org.dialerd.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads make true, polling; fails with what was awaited. */
public final class Awaits {
    private Awaits() {
    }

    /** Polling every 5 ms while a wait is young, every 20 ms once it has lasted this long. */
    private static final Duration YOUNG = Duration.ofMillis(200);

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Instant old = start.plus(YOUNG);
        while (!condition.getAsBoolean()) {
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                // The polling interval, not a wait for the result. Some conditions run SQL or
                // read /metrics: a long wait at 200 checks a second took CPU from the other
                // test JVMs; after the first 200 ms, 50 a second.
                Thread.sleep(now.isBefore(old) ? 5 : 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
