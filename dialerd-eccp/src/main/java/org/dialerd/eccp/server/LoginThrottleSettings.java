package org.dialerd.eccp.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed ECCP logins from one client address are slowed down (see {@link LoginThrottle}).
 *
 * @param maxFailures         failed logins, each less than {@code window} after the previous one, that
 *                            start a lockout; 0 turns throttling off
 * @param window              a quiet period this long forgives an address its failures
 * @param lockout             the first lockout; each further one (a failure right after a lockout) doubles
 * @param maxLockout          the longest lockout
 * @param maxTrackedAddresses addresses remembered at once; bounds the memory a spray of addresses can use
 */
public record LoginThrottleSettings(int maxFailures, Duration window, Duration lockout, Duration maxLockout,
                                    int maxTrackedAddresses) {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_LOCKOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_LOCKOUT = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_TRACKED_ADDRESSES = 10_000;

    public static final LoginThrottleSettings DEFAULTS = new LoginThrottleSettings(DEFAULT_MAX_FAILURES,
            DEFAULT_WINDOW, DEFAULT_LOCKOUT, DEFAULT_MAX_LOCKOUT, DEFAULT_MAX_TRACKED_ADDRESSES);

    /** Never refuses a login. */
    public static final LoginThrottleSettings OFF = new LoginThrottleSettings(0, DEFAULT_WINDOW, DEFAULT_LOCKOUT,
            DEFAULT_MAX_LOCKOUT, DEFAULT_MAX_TRACKED_ADDRESSES);

    public LoginThrottleSettings {
        Objects.requireNonNull(window, "eccp.login_failure_window");
        Objects.requireNonNull(lockout, "eccp.login_lockout");
        Objects.requireNonNull(maxLockout, "eccp.login_lockout_max");
        if (maxFailures < 0 || maxFailures > 1_000_000) {
            throw new IllegalArgumentException("eccp.login_max_failures must be between 0 and 1000000, got "
                    + maxFailures);
        }
        requirePositive("eccp.login_failure_window", window);
        requirePositive("eccp.login_lockout", lockout);
        requirePositive("eccp.login_lockout_max", maxLockout);
        if (maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("eccp.login_lockout_max (" + maxLockout.toSeconds()
                    + " s) must not be shorter than eccp.login_lockout (" + lockout.toSeconds() + " s)");
        }
        if (maxTrackedAddresses < 1) {
            throw new IllegalArgumentException("login throttle must track at least 1 address, got "
                    + maxTrackedAddresses);
        }
    }

    public boolean enabled() {
        return maxFailures > 0;
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value.toSeconds() + " s");
        }
    }
}
