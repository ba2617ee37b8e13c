package org.dialerd.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dialerd.ami.AmiGateway;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.settings.LiveSettings;
import org.dialerd.core.settings.SettingsDiff;
import org.dialerd.core.store.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP or {@link Dialerd#reload()}: reads valor_config again, puts the new settings in force
 * as one object, applies what lives outside it (log levels, the AMI session limit) and logs each
 * changed key. A row that does not validate, or a database that cannot be read, leaves the
 * settings in force as they were: a running daemon is not stopped by a typo in the web UI.
 */
final class SettingsReload {
    private static final Logger log = LoggerFactory.getLogger(SettingsReload.class);

    private final SettingsStore store;
    private final LiveSettings live;
    private final List<Consumer<DaemonSettings>> appliers;

    SettingsReload(SettingsStore store, LiveSettings live, List<Consumer<DaemonSettings>> appliers) {
        this.store = store;
        this.live = live;
        this.appliers = List.copyOf(appliers);
    }

    /** A reload of {@code store} into {@code live} that also sets the log levels and, over AMI, its session limit. */
    static SettingsReload over(SettingsStore store, LiveSettings live, PbxGateway pbx) {
        List<Consumer<DaemonSettings>> appliers = new ArrayList<>();
        appliers.add(LogLevels.configured()::apply);
        if (pbx instanceof AmiGateway ami) {
            appliers.add(s -> ami.renewSessionsEvery(s.amiSessionDuration()));
        }
        return new SettingsReload(store, live, appliers);
    }

    /** Applies the settings (at start and after each reload). */
    void apply(DaemonSettings settings) {
        appliers.forEach(applier -> applier.accept(settings));
    }

    /** The keys that changed (empty when none did, or when the new rows were refused). */
    synchronized List<SettingsDiff.Change> reload() {
        DaemonSettings next;
        try {
            next = DaemonSettings.fromValorConfig(store.valorConfig());
        } catch (RuntimeException e) { // a bad row (IllegalArgumentException) or the database (StoreException)
            log.warn("reload refused, the settings in force stay: {}", e.getMessage());
            return List.of();
        }
        DaemonSettings before = live.replace(next);
        apply(next);
        List<SettingsDiff.Change> changes = SettingsDiff.between(before, next);
        if (changes.isEmpty()) {
            log.info("reload: valor_config unchanged");
        }
        changes.forEach(change -> log.info("reload: valor_config {}", change));
        return changes;
    }
}
