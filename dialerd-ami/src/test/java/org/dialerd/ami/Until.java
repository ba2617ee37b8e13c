package org.dialerd.ami;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for what the gateway updates on asterisk-java's threads. */
final class Until {
    private Until() {
    }

    static void until(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + max);
            }
            Thread.sleep(10); // polling interval
        }
    }
}
