package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EccpServerSettingsTest {
    private static final EccpTlsSettings TLS = new EccpTlsSettings("127.0.0.1", 20006, Path.of("a.crt"),
            Path.of("a.key"));

    @Test
    void defaultsListenOnThePlainPortOnlyWithThrottling() {
        EccpServerSettings defaults = EccpServerSettings.defaults();
        assertTrue(defaults.plainEnabled());
        assertTrue(defaults.tls().isEmpty());
        assertEquals(LoginThrottleSettings.DEFAULTS, defaults.loginThrottle());
    }

    @Test
    void plainPortOffWithoutTlsIsRefusedWithTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EccpServerSettings.defaults().withoutPlainPort());
        assertEquals("eccp.port = off needs eccp.tls_port: ECCP would listen nowhere", e.getMessage());
    }

    @Test
    void tlsOnThePlainPortIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EccpServerSettings.defaults().withTls(TLS.withPort(20005)));
        assertEquals("eccp.tls_port = 20005: the same port as eccp.port", e.getMessage());
    }

    @Test
    void tlsOnlyIsAllowed() {
        EccpServerSettings tlsOnly = EccpServerSettings.defaults().withTls(TLS).withoutPlainPort();
        assertEquals(20006, tlsOnly.tls().orElseThrow().port());
    }

    @Test
    void lockoutMaxShorterThanTheLockoutIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LoginThrottleSettings(5,
                Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(30), 10));
        assertEquals("eccp.login_lockout_max (30 s) must not be shorter than eccp.login_lockout (60 s)",
                e.getMessage());
    }
}
