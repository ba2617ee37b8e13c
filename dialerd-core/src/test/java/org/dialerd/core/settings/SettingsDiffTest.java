package org.dialerd.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {
    private static DaemonSettings rows(String... keyValues) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return DaemonSettings.fromValorConfig(map);
    }

    @Test
    void sameSettingsHaveNoChanges() {
        assertEquals(List.of(), SettingsDiff.between(DaemonSettings.DEFAULTS, DaemonSettings.fromValorConfig(Map.of())));
    }

    @Test
    void listsEachChangedKeyWithOldAndNewValueInValorConfigOrder() {
        List<SettingsDiff.Change> changes = SettingsDiff.between(rows("dialer.llamada_corta", "10"),
                rows("dialer.llamada_corta", "25", "dialer.debug", "1"));
        assertEquals(List.of(new SettingsDiff.Change("dialer.llamada_corta", "10", "25", false),
                new SettingsDiff.Change("dialer.debug", "0", "1", false)), changes);
        assertEquals("dialer.llamada_corta: 10 → 25", changes.get(0).toString());
    }

    @Test
    void amiLoginChangesNeedARestartAndThePasswordIsMasked() {
        List<SettingsDiff.Change> changes = SettingsDiff.between(
                rows("asterisk.astuser", "dialer", "asterisk.astpass", "old-secret"),
                rows("asterisk.astuser", "dialer2", "asterisk.astpass", "new-secret"));
        assertEquals(List.of("asterisk.astuser: dialer → dialer2 (needs restart)",
                "asterisk.astpass: *** → *** (needs restart)"), changes.stream().map(Object::toString).toList());
        assertTrue(changes.stream().noneMatch(c -> c.toString().contains("secret")));
        assertEquals("asterisk.astpass: (empty) → *** (needs restart)", SettingsDiff.between(
                rows(), rows("asterisk.astpass", "x")).get(0).toString());
    }

    @Test
    void liveSettingsSwapWholeObjects() {
        DaemonSettings first = rows("dialer.qos", "0.9");
        DaemonSettings second = rows("dialer.qos", "0.8");
        LiveSettings live = new LiveSettings(first);
        assertSame(first, live.replace(second));
        assertSame(second, live.get());
    }
}
