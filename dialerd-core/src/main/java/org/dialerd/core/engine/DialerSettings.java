package org.dialerd.core.engine;

import java.time.Duration;
import java.util.Objects;
import org.dialerd.core.settings.DaemonSettings;

/**
 * How the dialer reaches customers.
 *
 * @param noTrunkTemplate dial string of a campaign without trunk, {@code {phone}} replaced
 *                        (the reference uses {@code Local/{phone}@from-internal})
 * @param interval        how often each campaign is considered (the reference: 3 s)
 * @param uniqueIdPrefix  prefix of the uniqueids dialerd assigns to its calls (Originate ChannelId)
 */
public record DialerSettings(String noTrunkTemplate, Duration interval, String uniqueIdPrefix) {
    public static final String DEFAULT_NO_TRUNK_TEMPLATE = "Local/{phone}@from-internal";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
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

    public static DialerSettings defaults(String uniqueIdPrefix) {
        return new DialerSettings(DEFAULT_NO_TRUNK_TEMPLATE, DEFAULT_INTERVAL, uniqueIdPrefix);
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
