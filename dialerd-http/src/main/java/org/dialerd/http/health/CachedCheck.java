package org.dialerd.http.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A yes/no check (is the database reachable?) run at most once per {@code maxAge}, so health
 * polls and metric scrapes never hammer what they check. One caller at a time runs it; callers
 * arriving meanwhile get the previous result instead of waiting (only the very first caller
 * waits, as there is no previous result). A check that throws counts as down.
 */
public final class CachedCheck {
    /** The outcome of the latest check. {@code since}: when the answer last changed. */
    public record Result(boolean up, Instant checkedAt, Instant since) {}

    private final BooleanSupplier check;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Result last;

    public CachedCheck(BooleanSupplier check, Duration maxAge, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result current() {
        Result previous = last;
        if (previous != null && isFresh(previous)) {
            return previous;
        }
        if (previous == null) {
            running.lock();
        } else if (!running.tryLock()) {
            return previous;
        }
        try {
            Result latest = last;
            if (latest != null && isFresh(latest)) {
                return latest; // another caller refreshed it while this one waited
            }
            boolean up = runCheck();
            Instant now = clock.instant();
            Instant since = latest != null && latest.up() == up ? latest.since() : now;
            Result result = new Result(up, now, since);
            last = result;
            return result;
        } finally {
            running.unlock();
        }
    }

    private boolean isFresh(Result result) {
        return Duration.between(result.checkedAt(), clock.instant()).compareTo(maxAge) < 0;
    }

    private boolean runCheck() {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
