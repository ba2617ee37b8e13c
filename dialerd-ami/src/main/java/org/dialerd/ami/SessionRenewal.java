package org.dialerd.ami;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * valor_config {@code asterisk.duracion_sesion}: after this long an AMI session is logged off
 * and a fresh one logged in (the reference renews its manager session the same way, which
 * also clears whatever state Asterisk keeps per session). Zero means a session lasts as long as
 * the connection. The limit may change at run time (reload).
 */
final class SessionRenewal {
    private final LongSupplier nanoTime;
    private volatile long limitNanos;
    private volatile long openedAt;
    private volatile boolean open;

    SessionRenewal(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Zero: never renew. */
    void every(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("asterisk.duracion_sesion must not be negative: " + limit);
        }
        limitNanos = limit.toNanos();
    }

    Duration limit() {
        return Duration.ofNanos(limitNanos);
    }

    void opened() {
        openedAt = nanoTime.getAsLong();
        open = true;
    }

    void closed() {
        open = false;
    }

    /** The open session has lasted its limit. */
    boolean due() {
        long limit = limitNanos;
        return open && limit > 0 && nanoTime.getAsLong() - openedAt >= limit;
    }
}
