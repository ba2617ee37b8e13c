package org.dialerd.server.config;

import java.util.HashMap;
import java.util.Map;
import org.dialerd.core.stats.ServiceLevels;

/**
 * The {@code [stats]} section: {@code service_level_seconds} (default 20) and
 * {@code service_level_seconds.<queue>} for a queue of its own.
 */
final class StatsConfig {
    private static final String KEY = "stats.service_level_seconds";

    private StatsConfig() {
    }

    static ServiceLevels fromIni(IniFile ini) {
        int fallback = ini.get(KEY).map(value -> DialerdConfig.parseInt(KEY, value, 1, 86_400))
                .orElse(ServiceLevels.DEFAULT_SECONDS);
        Map<String, Integer> perQueue = new HashMap<>();
        ini.asMap().forEach((key, value) -> {
            if (key.startsWith(KEY + ".")) {
                String queue = key.substring(KEY.length() + 1);
                if (queue.isBlank()) {
                    throw new ConfigException(key + " = '" + value + "': name the queue after the dot");
                }
                perQueue.put(queue, DialerdConfig.parseInt(key, value, 1, 86_400));
            }
        });
        return new ServiceLevels(fallback, perQueue);
    }
}
