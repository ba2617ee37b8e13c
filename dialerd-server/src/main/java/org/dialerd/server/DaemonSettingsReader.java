package org.dialerd.server;

import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.Stores;
import org.dialerd.server.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the valor_config settings; a bad row stops the start with its key and value. */
final class DaemonSettingsReader {
    private static final Logger log = LoggerFactory.getLogger(DaemonSettingsReader.class);

    private DaemonSettingsReader() {
    }

    static DaemonSettings read(Stores stores) {
        try {
            DaemonSettings settings = DaemonSettings.fromValorConfig(stores.settings().valorConfig());
            log.debug("{}", settings);
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
