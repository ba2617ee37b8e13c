package org.dialerd.server;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dialerd.http.HttpSettings;
import org.dialerd.http.metrics.DialerdMeters;
import org.dialerd.http.webhook.WebhookSettings;

/**
 * How dialerd reports on itself: the meters the engine, ECCP and AMI count into, and the HTTP
 * listener that serves them with /health, when there is one. The AMI gateway is created before
 * the rest, so whoever creates it takes its hook from {@link #meters()} first.
 *
 * @param http     empty: no listener (the meters still count, nobody reads them)
 * @param webhooks where events are posted (no endpoints: nowhere)
 */
public record Monitoring(DialerdMeters meters, Optional<Http> http, WebhookSettings webhooks) {

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
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** Without webhooks. */
    public Monitoring(DialerdMeters meters, Optional<Http> http) {
        this(meters, http, WebhookSettings.of(java.util.List.of()));
    }

    /** Counting only, no listener (tests that do not look at metrics). */
    public static Monitoring countingOnly() {
        return new Monitoring(new DialerdMeters(), Optional.empty());
    }

    public Monitoring withHttp(HttpSettings settings, BooleanSupplier databaseUp) {
        return new Monitoring(meters, Optional.of(new Http(settings, databaseUp)), webhooks);
    }

    public Monitoring withWebhooks(WebhookSettings settings) {
        return new Monitoring(meters, http, settings);
    }
}
