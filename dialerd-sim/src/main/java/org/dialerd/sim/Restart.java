package org.dialerd.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated Asterisk goes down and comes back, for testing a client's reconnect (trace
 * 13): {@code Shutdown} event, EOF on every connection, the port refuses connections for
 * {@link #downtime()}, then accepts logins while the core is still booting and sends
 * {@code FullyBooted} {@link #bootTime()} later. All of it runs on the virtual clock.
 *
 * @param restartFlag the event's {@code Restart:} value ({@code core restart now} vs {@code core stop now})
 * @param downtime    from the shutdown until the listener accepts again
 * @param bootTime    from the listener accepting until FullyBooted (recorded: 0.12–0.14 s)
 */
public record Restart(boolean restartFlag, Duration downtime, Duration bootTime) {

    /** What the recordings show between the port opening and FullyBooted. */
    public static final Duration DEFAULT_BOOT_TIME = Duration.ofMillis(130);

    public Restart {
        Objects.requireNonNull(downtime, "downtime");
        Objects.requireNonNull(bootTime, "bootTime");
        if (downtime.isNegative() || bootTime.isNegative()) {
            throw new IllegalArgumentException("restart durations must be >= 0: " + downtime + ", " + bootTime);
        }
    }

    /** CLI {@code core restart now}: {@code Restart: True}. */
    public static Restart coreRestartNow(Duration downtime) {
        return new Restart(true, downtime, DEFAULT_BOOT_TIME);
    }

    /** CLI {@code core stop now}, then Asterisk is started again after {@code downtime}: {@code Restart: False}. */
    public static Restart coreStopNow(Duration downtime) {
        return new Restart(false, downtime, DEFAULT_BOOT_TIME);
    }

    public Restart withBootTime(Duration boot) {
        return new Restart(restartFlag, downtime, boot);
    }
}
