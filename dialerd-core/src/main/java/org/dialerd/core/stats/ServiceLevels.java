package org.dialerd.core.stats;

import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The service-level threshold T of each line: answered within T seconds counts as in time.
 * Queues may have their own ({@code [stats] service_level_seconds.<queue>}); campaigns and the
 * other queues use the default.
 */
public record ServiceLevels(int defaultSeconds, Map<String, Integer> perQueue) implements ToIntFunction<LineKey> {
    public static final int DEFAULT_SECONDS = 20;
    public static final ServiceLevels DEFAULTS = new ServiceLevels(DEFAULT_SECONDS, Map.of());

    public ServiceLevels {
        if (defaultSeconds < 1) {
            throw new IllegalArgumentException("service level threshold must be at least 1 s, not " + defaultSeconds);
        }
        perQueue = Map.copyOf(perQueue);
    }

    @Override
    public int applyAsInt(LineKey line) {
        return line.isQueue() ? perQueue.getOrDefault(line.queue(), defaultSeconds) : defaultSeconds;
    }
}
