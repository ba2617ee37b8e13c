package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.Test;

class DialerSettingsTest {
    private static final DaemonSettings ENTRETIEMPO_7 = DaemonSettings.fromValorConfig(Map.of("dialer.entretiempo", "7"));

    @Test
    void productionRoundsFollowDialerEntretiempo() {
        DialerSettings dialer = DialerSettings.followingEntretiempo(DialerSettings.DEFAULT_NO_TRUNK_TEMPLATE, "d");
        assertEquals(Duration.ofSeconds(7), dialer.roundInterval(ENTRETIEMPO_7));
        assertEquals(Duration.ofSeconds(3), dialer.roundInterval(DaemonSettings.DEFAULTS));
    }

    @Test
    void aFixedIntervalIgnoresEntretiempo() {
        DialerSettings dialer = new DialerSettings(DialerSettings.DEFAULT_NO_TRUNK_TEMPLATE, Duration.ofMillis(200), "d");
        assertEquals(Duration.ofMillis(200), dialer.roundInterval(ENTRETIEMPO_7));
    }
}
