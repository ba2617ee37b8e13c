package org.dialerd.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves by hand, in UTC, so time-based rules are tested without sleeping.
 * Thread-safe: the code under test may read it on its own threads while the test moves it. The
 * one test clock of every module (dialerd-core's test-jar).
 */
public final class ManualClock extends Clock {
    /** Where a clock starts when the test does not care. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-22T10:00:00Z");

    private volatile Instant now;

    public ManualClock() {
        this(DEFAULT_START);
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
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
