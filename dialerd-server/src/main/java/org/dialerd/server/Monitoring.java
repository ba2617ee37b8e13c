package org.dialerd.server;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dialerd.core.stats.ServiceLevels;
import org.dialerd.http.HttpSettings;
import org.dialerd.http.metrics.DialerdMeters;

/**
 * How dialerd reports on itself: the meters the engine, ECCP and AMI count into, and the HTTP
 * listener that serves them with /health, when there is one. The AMI gateway is created before
 * the rest, so whoever creates it takes its hook from {@link #meters()} first.
 *
 * @param http empty: no listener (the meters still count, nobody reads them)
 * @param serviceLevels the live statistics' service-level threshold per queue
 */
public record Monitoring(DialerdMeters meters, Optional<Http> http, ServiceLevels serviceLevels) {

    /** The listener's settings and the database check behind /health and dialerd_database_up. */
    public record Http(HttpSettings settings, BooleanSupplier databaseUp) {
        public Http {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(databaseUp, "databaseUp");
        }
    }

    public Monitoring {
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(serviceLevels, "serviceLevels");
    }

    /** Counting only, no listener (tests that do not look at metrics). */
    public static Monitoring countingOnly() {
        return new Monitoring(new DialerdMeters(), Optional.empty(), ServiceLevels.DEFAULTS);
    }

    public Monitoring withHttp(HttpSettings settings, BooleanSupplier databaseUp) {
        return new Monitoring(meters, Optional.of(new Http(settings, databaseUp)), serviceLevels);
    }
}
