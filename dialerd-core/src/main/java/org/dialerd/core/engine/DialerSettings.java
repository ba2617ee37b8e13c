package org.dialerd.core.engine;

import java.time.Duration;
import java.util.Objects;
import org.dialerd.core.settings.DaemonSettings;

/**
 * How the dialer reaches customers.
 *
 * @param noTrunkTemplate  dial string of a campaign without trunk, {@code {phone}} replaced
 *                         (the reference uses {@code Local/{phone}@from-internal})
 * @param interval         how often each campaign is considered, when {@code followEntretiempo}
 *                         is false (tests use short fixed intervals)
 * @param uniqueIdPrefix   prefix of the uniqueids dialerd assigns to its calls (Originate ChannelId)
 * @param followEntretiempo the interval is valor_config {@code dialer.entretiempo}, as in force at
 *                         each round (3 s without the row, as the reference)
 */
public record DialerSettings(String noTrunkTemplate, Duration interval, String uniqueIdPrefix,
                             boolean followEntretiempo) {
    public static final String DEFAULT_NO_TRUNK_TEMPLATE = "Local/{phone}@from-internal";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(DaemonSettings.REFERENCE_ROUND_SECONDS);
    /** Asterisk's default originate timeout when dialer.timeout_originate is 0. */
    static final Duration ASTERISK_DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public DialerSettings {
        Objects.requireNonNull(noTrunkTemplate, "noTrunkTemplate");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(uniqueIdPrefix, "uniqueIdPrefix");
        if (!noTrunkTemplate.contains("{phone}")) {
            throw new IllegalArgumentException("dialer.dial_template '" + noTrunkTemplate + "' must contain {phone}");
        }
    }

    /** A fixed round interval. */
    public DialerSettings(String noTrunkTemplate, Duration interval, String uniqueIdPrefix) {
        this(noTrunkTemplate, interval, uniqueIdPrefix, false);
    }

    /** Rounds every {@code dialer.entretiempo} seconds, as the daemon runs in production. */
    public static DialerSettings followingEntretiempo(String noTrunkTemplate, String uniqueIdPrefix) {
        return new DialerSettings(noTrunkTemplate, DEFAULT_INTERVAL, uniqueIdPrefix, true);
    }

    public static DialerSettings defaults(String uniqueIdPrefix) {
        return new DialerSettings(DEFAULT_NO_TRUNK_TEMPLATE, DEFAULT_INTERVAL, uniqueIdPrefix);
    }

    /** The wait before the next round under {@code settings}. */
    public Duration roundInterval(DaemonSettings settings) {
        return followEntretiempo ? settings.dialInterval() : interval;
    }

    /** A trunk with {@code $OUTNUM$} is a template; any other trunk is dialled as {@code trunk/phone}. */
    String channelFor(String trunk, String phone) {
        if (trunk == null || trunk.isBlank()) {
            return noTrunkTemplate.replace("{phone}", phone);
        }
        return trunk.contains("$OUTNUM$") ? trunk.replace("$OUTNUM$", phone) : trunk + "/" + phone;
    }

    Duration originateTimeout(DaemonSettings settings) {
        return settings.originateTimeoutSeconds() > 0 ? Duration.ofSeconds(settings.originateTimeoutSeconds())
                : ASTERISK_DEFAULT_TIMEOUT;
    }
}
