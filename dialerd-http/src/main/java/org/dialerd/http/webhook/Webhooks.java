package org.dialerd.http.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.api.JsonEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ECCP event to the webhook endpoints that want its type: encoded to JSON once,
 * <pre>{@code {"id":42,"timestamp":"2026-12-02T01:30:00Z","type":"event","event":"agentlinked","data":{…}}}</pre>
 * and offered to each endpoint's own queue ({@link WebhookEndpoint}). Fed as a tap of the ECCP
 * fan-out, on its thread: offering only enqueues.
 */
public final class Webhooks implements Consumer<XmlElement>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final List<WebhookEndpoint> endpoints;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();

    public Webhooks(WebhookSettings settings, WebhookMetrics metrics, Clock clock) {
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dialerd-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoints = settings.endpoints().stream()
                .map(endpoint -> new WebhookEndpoint(endpoint, settings, client, timer, metrics, clock)).toList();
        endpoints.forEach(e -> log.info("webhook {}: {} for {}", e.endpoint().name(), e.endpoint().url(),
                e.endpoint().events().isEmpty() ? "every event" : String.join(",", e.endpoint().events())));
    }

    @Override
    public void accept(XmlElement event) {
        String name = JsonEvents.name(event);
        List<WebhookEndpoint> wanting = endpoints.stream().filter(e -> e.endpoint().wants(name)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        long id = ids.incrementAndGet();
        ObjectNode message = org.dialerd.http.api.ApiResponses.object().put("id", id)
                .put("timestamp", clock.instant().toString());
        message.setAll(JsonEvents.message(event));
        WebhookEndpoint.Delivery delivery = new WebhookEndpoint.Delivery(id, name, JsonEvents.bytes(message));
        wanting.forEach(endpoint -> endpoint.offer(delivery));
    }

    /** Stops retrying and drops what is queued (logged with its count). */
    @Override
    public void close() {
        timer.shutdownNow();
        for (WebhookEndpoint endpoint : endpoints) {
            int left = endpoint.close();
            if (left > 0) {
                log.warn("webhook {}: {} events not delivered at stop", endpoint.endpoint().name(), left);
            }
        }
    }
}
