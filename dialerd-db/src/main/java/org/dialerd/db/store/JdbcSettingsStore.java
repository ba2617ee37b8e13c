package org.dialerd.db.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dialerd.core.store.SettingsStore;

/** {@code valor_config}. */
public final class JdbcSettingsStore implements SettingsStore {
    private final Jdbc jdbc;

    public JdbcSettingsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> valorConfig() {
        Map<String, String> rows = new LinkedHashMap<>();
        jdbc.list("SELECT config_key, config_value FROM valor_config ORDER BY config_key",
                row -> rows.put(row.getString(1), row.getString(2)));
        return rows;
    }
}
