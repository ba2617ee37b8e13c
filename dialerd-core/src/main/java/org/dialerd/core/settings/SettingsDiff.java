package org.dialerd.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two readings of {@code valor_config}, key by key, for the reload log.
 * The AMI login (host, user, password) only takes effect at the next start: the running
 * connection, its resync and every tracked call belong to it.
 */
public final class SettingsDiff {
    /** Keys whose new value is not applied until dialerd restarts. */
    public static final Set<String> RESTART_KEYS = Set.of("asterisk.asthost", "asterisk.astuser",
            DaemonSettings.PASSWORD_KEY);

    /**
     * One changed key. The password's values are masked, so a change shows as {@code *** → ***}.
     *
     * @param needsRestart the running daemon keeps the old value
     */
    public record Change(String key, String before, String after, boolean needsRestart) {
        @Override
        public String toString() {
            return key + ": " + before + " → " + after + (needsRestart ? " (needs restart)" : "");
        }
    }

    private SettingsDiff() {
    }

    /** The changed keys, in valor_config order; empty when nothing changed. */
    public static List<Change> between(DaemonSettings before, DaemonSettings after) {
        Map<String, String> old = before.asRows();
        Map<String, String> now = after.asRows();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String key = entry.getKey();
            boolean changed = key.equals(DaemonSettings.PASSWORD_KEY)
                    ? !before.asteriskPassword().equals(after.asteriskPassword())
                    : !Objects.equals(old.get(key), entry.getValue());
            if (changed) {
                changes.add(new Change(key, old.get(key), entry.getValue(), RESTART_KEYS.contains(key)));
            }
        }
        return changes;
    }
}
