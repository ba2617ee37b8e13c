package org.dialerd.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.dialerd.http.webhook.WebhookMetrics;

/**
 * {@code dialerd_webhook_deliveries_total{endpoint,result}}, {@code dialerd_webhook_dropped_total{endpoint}},
 * {@code dialerd_webhook_queued{endpoint}}, {@code dialerd_webhook_up{endpoint}}; counters cached per label.
 */
final class WebhookMeters implements WebhookMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    /** Micrometer holds gauge sources weakly: these keep them alive as long as the meters. */
    private final java.util.List<Object> gaugeSources = new java.util.concurrent.CopyOnWriteArrayList<>();

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void endpoint(String endpoint, IntSupplier queued, BooleanSupplier up) {
        gaugeSources.add(queued);
        gaugeSources.add(up);
        Gauge.builder("dialerd.webhook.queued", queued, IntSupplier::getAsInt).tag("endpoint", endpoint)
                .description("Events waiting for the webhook endpoint").register(registry);
        Gauge.builder("dialerd.webhook.up", up, u -> u.getAsBoolean() ? 1 : 0).tag("endpoint", endpoint)
                .description("1 if the endpoint's last attempt succeeded").register(registry);
        for (String result : new String[] {"delivered", "retried", "gave_up"}) {
            attempts.computeIfAbsent(endpoint + "|" + result, k -> counter(endpoint, result));
        }
        dropped.computeIfAbsent(endpoint, k -> Counter.builder("dialerd.webhook.dropped").tag("endpoint", endpoint)
                .description("Events dropped because the endpoint's queue was full").register(registry));
    }

    @Override
    public void attempt(String endpoint, String result) {
        attempts.computeIfAbsent(endpoint + "|" + result, k -> counter(endpoint, result)).increment();
    }

    @Override
    public void dropped(String endpoint) {
        dropped.computeIfAbsent(endpoint, k -> Counter.builder("dialerd.webhook.dropped").tag("endpoint", endpoint)
                .register(registry)).increment();
    }

    private Counter counter(String endpoint, String result) {
        return Counter.builder("dialerd.webhook.deliveries").tag("endpoint", endpoint).tag("result", result)
                .description("Webhook delivery attempts by result").register(registry);
    }
}
