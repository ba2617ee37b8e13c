package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.settings.LiveSettings;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class SettingsReloadTest {
    private final Map<String, String> rows = new HashMap<>(Map.of("dialer.llamada_corta", "10"));
    private final List<DaemonSettings> applied = new ArrayList<>();
    private final LiveSettings live = new LiveSettings(DaemonSettings.fromValorConfig(rows));
    private final SettingsReload reload = new SettingsReload(() -> Map.copyOf(rows), live, List.of(applied::add));

    @Test
    void putsTheNewRowsInForceAppliesThemAndTellsWhatChanged() {
        rows.put("dialer.llamada_corta", "30");
        rows.put("asterisk.astpass", "new");

        var changes = reload.reload();

        assertEquals(List.of("asterisk.astpass: (empty) → *** (needs restart)", "dialer.llamada_corta: 10 → 30"),
                changes.stream().map(Object::toString).toList());
        assertEquals(30, live.get().shortCallSeconds());
        assertEquals(List.of(live.get()), applied);
    }

    @Test
    void nothingChangedIsAnEmptyList() {
        assertEquals(List.of(), reload.reload());
    }

    @Test
    void aBadRowKeepsTheSettingsInForce() {
        DaemonSettings before = live.get();
        rows.put("dialer.qos", "1.5");
        assertEquals(List.of(), reload.reload());
        assertSame(before, live.get());
        assertEquals(List.of(), applied);
    }

    @Test
    void anUnreadableDatabaseKeepsTheSettingsInForce() {
        DaemonSettings before = live.get();
        SettingsReload failing = new SettingsReload(() -> {
            throw new StoreException("database unavailable", new RuntimeException("down"));
        }, live, List.of(applied::add));
        assertEquals(List.of(), failing.reload());
        assertSame(before, live.get());
    }
}
