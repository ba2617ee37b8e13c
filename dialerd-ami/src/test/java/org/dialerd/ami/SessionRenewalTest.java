package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionRenewalTest {
    private final AtomicLong now = new AtomicLong();
    private final SessionRenewal renewal = new SessionRenewal(now::get);

    @Test
    void zeroMeansASessionIsNeverRenewed() {
        renewal.every(Duration.ZERO);
        renewal.opened();
        now.addAndGet(Duration.ofDays(30).toNanos());
        assertFalse(renewal.due());
    }

    @Test
    void dueOnceTheOpenSessionReachesItsLimit() {
        renewal.every(Duration.ofSeconds(60));
        renewal.opened();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertFalse(renewal.due());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(renewal.due());
        renewal.opened(); // the fresh session starts its own count
        assertFalse(renewal.due());
    }

    @Test
    void aClosedSessionIsNotRenewed() {
        renewal.every(Duration.ofSeconds(1));
        renewal.opened();
        renewal.closed();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertFalse(renewal.due());
    }

    @Test
    void theLimitCanChangeWhileRunning() {
        renewal.opened();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertFalse(renewal.due());
        renewal.every(Duration.ofSeconds(5));
        assertTrue(renewal.due());
    }
}
