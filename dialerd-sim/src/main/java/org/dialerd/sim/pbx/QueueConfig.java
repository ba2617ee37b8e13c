package org.dialerd.sim.pbx;

/**
 * One queues.conf section. Defaults are those of the recorded Asterisk (timeout=15, retry=2,
 * wrapuptime=0, ringinuse=no, servicelevel=60).
 */
public record QueueConfig(String name, Strategy strategy, int timeoutSeconds, int retrySeconds,
                          int wrapupSeconds, boolean ringInUse, int serviceLevel, int weight, int maxLen,
                          String musicClass) {

    public enum Strategy {
        RINGALL("ringall"), RRMEMORY("rrmemory");

        private final String wire;

        Strategy(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public QueueConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        if (timeoutSeconds <= 0 || retrySeconds < 0 || wrapupSeconds < 0) {
            throw new IllegalArgumentException("queue " + name + ": timeout must be > 0, retry and wrapuptime >= 0");
        }
    }

    public static QueueConfig of(String name, Strategy strategy) {
        return new QueueConfig(name, strategy, 15, 2, 0, false, 60, 0, 0, "default");
    }

    public QueueConfig withTimeout(int seconds) {
        return new QueueConfig(name, strategy, seconds, retrySeconds, wrapupSeconds, ringInUse, serviceLevel,
                weight, maxLen, musicClass);
    }

    public QueueConfig withWrapup(int seconds) {
        return new QueueConfig(name, strategy, timeoutSeconds, retrySeconds, seconds, ringInUse, serviceLevel,
                weight, maxLen, musicClass);
    }
}
