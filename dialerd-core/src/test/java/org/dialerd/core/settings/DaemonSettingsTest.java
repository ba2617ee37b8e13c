package org.dialerd.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSettingsTest {
    @Test
    void absentRowsKeepTheReferenceDefaults() {
        assertEquals(DaemonSettings.DEFAULTS, DaemonSettings.fromValorConfig(Map.of()));
        assertEquals(0.97, DaemonSettings.DEFAULTS.qos());
        assertEquals(10, DaemonSettings.DEFAULTS.shortCallSeconds());
        assertTrue(DaemonSettings.DEFAULTS.predictive());
    }

    @Test
    void readsTheRows() {
        DaemonSettings settings = DaemonSettings.fromValorConfig(Map.of("asterisk.asthost", "10.0.0.2",
                "asterisk.astuser", "dialer", "asterisk.astpass", "pw", "dialer.qos", "0.9",
                "dialer.predictivo", "0", "dialer.llamada_corta", "15", "unknown.key", "x"));
        assertEquals("10.0.0.2", settings.asteriskHost());
        assertEquals("dialer", settings.asteriskUser());
        assertEquals(0.9, settings.qos());
        assertFalse(settings.predictive());
        assertEquals(15, settings.shortCallSeconds());
    }

    @Test
    void badValueNamesTheKeyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DaemonSettings.fromValorConfig(Map.of("dialer.qos", "2")));
        assertEquals("valor_config dialer.qos = '2': must be between 0 and 1 (exclusive)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DaemonSettings.fromValorConfig(Map.of("dialer.llamada_corta", "ten")));
        assertEquals("valor_config dialer.llamada_corta = 'ten': not a whole number", e.getMessage());
    }

    @Test
    void passwordIsNotPrinted() {
        assertFalse(DaemonSettings.fromValorConfig(Map.of("asterisk.astpass", "secret")).toString().contains("secret"));
    }

    @Test
    void entretiempoSetsTheRoundIntervalAndItsAbsenceKeepsTheReferenceThreeSeconds() {
        assertEquals(java.time.Duration.ofSeconds(3), DaemonSettings.DEFAULTS.dialInterval());
        assertEquals(java.time.Duration.ofSeconds(5),
                DaemonSettings.fromValorConfig(Map.of("dialer.entretiempo", "5")).dialInterval());
        // 0: the fork dials on every pass of its loop; we wait at least a second.
        assertEquals(java.time.Duration.ofSeconds(1),
                DaemonSettings.fromValorConfig(Map.of("dialer.entretiempo", "0")).dialInterval());
    }

    @Test
    void forzarSobrecolocarIsACountOfExtraCalls() {
        assertEquals(0, DaemonSettings.DEFAULTS.extraCalls());
        assertEquals(2, DaemonSettings.fromValorConfig(Map.of("dialer.forzar_sobrecolocar", "2")).extraCalls());
        assertEquals("valor_config dialer.forzar_sobrecolocar = '-1': must be at least 0",
                assertThrows(IllegalArgumentException.class,
                        () -> DaemonSettings.fromValorConfig(Map.of("dialer.forzar_sobrecolocar", "-1"))).getMessage());
    }

    @Test
    void sessionDurationZeroMeansNeverRenewed() {
        assertTrue(DaemonSettings.DEFAULTS.amiSessionDuration().isZero());
        assertEquals(java.time.Duration.ofHours(1),
                DaemonSettings.fromValorConfig(Map.of("asterisk.duracion_sesion", "3600")).amiSessionDuration());
    }

    @Test
    void rowsListEveryKeyWithThePasswordMasked() {
        Map<String, String> rows = DaemonSettings.fromValorConfig(Map.of("asterisk.astpass", "pw")).asRows();
        assertEquals(14, rows.size());
        assertEquals("***", rows.get("asterisk.astpass"));
        assertEquals("0.97", rows.get("dialer.qos"));
    }
}
