package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final LoginThrottleSettings SETTINGS = new LoginThrottleSettings(3, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), 100);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address);
        }
    }

    @Test
    void allowsFailuresBelowTheLimit() {
        fail("10.0.0.1", 2);
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void locksTheAddressOutAtTheLimitForTheLockout() {
        fail("10.0.0.1", 3);
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedOut("10.0.0.1"));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedOut("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void eachFailureRightAfterALockoutDoublesItUpToTheMaximum() {
        fail("10.0.0.1", 3);
        for (Duration expected : new Duration[] {Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(120)}) {
            clock.advance(throttle.lockedOut("10.0.0.1").orElseThrow());
            throttle.failed("10.0.0.1");
            assertEquals(Optional.of(expected), throttle.lockedOut("10.0.0.1"));
        }
    }

    @Test
    void otherAddressesAreNotAffected() {
        fail("10.0.0.1", 3);
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.2"));
    }

    @Test
    void successfulLoginForgetsTheFailures() {
        fail("10.0.0.1", 2);
        throttle.succeeded("10.0.0.1");
        fail("10.0.0.1", 2);
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.1"));
        assertEquals(1, throttle.trackedAddresses());
    }

    @Test
    void aQuietWindowForgivesEarlierFailures() {
        fail("10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(5));
        fail("10.0.0.1", 2);
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void aQuietWindowAfterALockoutStartsAgainFromTheFirstLockout() {
        fail("10.0.0.1", 3);
        clock.advance(Duration.ofSeconds(30).plus(Duration.ofMinutes(5)));
        fail("10.0.0.1", 3);
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void aSprayOfAddressesKeepsTheMapBounded() {
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("10.1." + (i / 256) + "." + (i % 256));
            assertTrue(throttle.trackedAddresses() <= 100);
        }
        assertEquals(100, throttle.trackedAddresses());
    }

    @Test
    void whenFullForgottenAddressesGoBeforeLockedOutOnes() {
        fail("10.0.0.1", 3);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 99; i++) {
            throttle.failed("10.2.0." + i);
        }
        clock.advance(Duration.ofMinutes(5)); // the 99 are forgiven; 10.0.0.1's lockout ended 4.5 min ago
        fail("10.0.0.1", 1); // so this failure still counts and locks it again, for twice as long
        throttle.failed("10.3.0.1"); // the map is full: the 99 forgotten addresses make room
        assertEquals(2, throttle.trackedAddresses());
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void offNeverRefuses() {
        LoginThrottle off = new LoginThrottle(LoginThrottleSettings.OFF, clock);
        for (int i = 0; i < 100; i++) {
            off.failed("10.0.0.1");
        }
        assertEquals(Optional.empty(), off.lockedOut("10.0.0.1"));
        assertEquals(0, off.trackedAddresses());
    }
}
