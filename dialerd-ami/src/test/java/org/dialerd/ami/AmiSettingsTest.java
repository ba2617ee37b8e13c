package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmiSettingsTest {

    private final AmiSettings defaults = AmiSettings.of("10.0.0.5", "dialerd", "s3cret");

    @Test
    void defaultsAreTheNamedConstants() {
        assertEquals(5038, defaults.port());
        assertEquals(Duration.ofSeconds(5), defaults.actionTimeout());
        assertEquals(AmiSettings.DEFAULT_RECONNECT_BACKOFF_MIN, defaults.reconnectBackoffMin());
        assertEquals(AmiSettings.DEFAULT_RECONNECT_BACKOFF_MAX, defaults.reconnectBackoffMax());
        assertEquals(AmiSettings.DEFAULT_PING_INTERVAL, defaults.pingInterval());
    }

    @Test
    void halfOpenConnectionIsDeclaredDeadWithinSecondsByDefault() {
        // A ping every 2 s; two missed pings plus one slow answer (5 s) is 9 s of silence.
        assertEquals(Duration.ofSeconds(2), defaults.pingInterval());
        assertEquals(Duration.ofSeconds(9), defaults.socketReadTimeout());
    }

    @Test
    void rejectsABadPortNamingSettingAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withPort(70000));

        assertEquals("ami.port = '70000': must be between 1 and 65535", e.getMessage());
    }

    @Test
    void rejectsAnEmptyHostOrUser() {
        assertEquals("ami.host = ' ': must not be empty", assertThrows(IllegalArgumentException.class,
                () -> AmiSettings.of(" ", "dialerd", "x")).getMessage());
        assertEquals("ami.username = '': must not be empty", assertThrows(IllegalArgumentException.class,
                () -> AmiSettings.of("h", "", "x")).getMessage());
    }

    @Test
    void rejectsNonPositiveDurations() {
        assertEquals("ami.action_timeout = 'PT0S': must be at least 1 ms", assertThrows(IllegalArgumentException.class,
                () -> defaults.withActionTimeout(Duration.ZERO)).getMessage());
        assertEquals("ami.ping_interval = 'PT-1S': must be at least 1 ms", assertThrows(IllegalArgumentException.class,
                () -> defaults.withPingInterval(Duration.ofSeconds(-1))).getMessage());
    }

    @Test
    void rejectsABackoffCeilingBelowItsFloor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withReconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)));

        assertEquals("ami.reconnect_backoff_max = 'PT1S': must not be shorter than ami.reconnect_backoff_min (PT5S)",
                e.getMessage());
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(defaults.toString().contains("s3cret"), defaults.toString());
    }
}
