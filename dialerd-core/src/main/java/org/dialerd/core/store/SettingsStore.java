package org.dialerd.core.store;

import java.util.Map;

/** {@code valor_config}: the daemon settings the Issabel web UI edits, as {@code section.key} rows. */
public interface SettingsStore {
    Map<String, String> valorConfig();
}
