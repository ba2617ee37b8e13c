package org.dialerd.http.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's delivery line: a bounded queue (past its size the oldest event is dropped and
 * counted), one POST at a time in event order, a failed one retried with exponential backoff
 * until {@code maxAttempts}. Offering never blocks and never waits for the network, so neither
 * the events thread nor another endpoint is slowed. Logged once per change of state (failing,
 * delivering again), not per attempt.
 */
final class WebhookEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    /** One event for this receiver. */
    record Delivery(long id, String event, byte[] body) {}

    private final WebhookSettings.Endpoint endpoint;
    private final WebhookSettings settings;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    /** An attempt or the wait before a retry is under way (guarded by this). */
    private boolean busy;
    private volatile boolean up = true;
    private volatile boolean closed;

    WebhookEndpoint(WebhookSettings.Endpoint endpoint, WebhookSettings settings, HttpClient client,
                    ScheduledExecutorService timer, WebhookMetrics metrics, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.client = client;
        this.timer = timer;
        this.metrics = metrics;
        this.clock = clock;
        metrics.endpoint(endpoint.name(), this::queued, () -> up);
    }

    WebhookSettings.Endpoint endpoint() {
        return endpoint;
    }

    synchronized int queued() {
        return queue.size();
    }

    void offer(Delivery delivery) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= settings.queueSize()) {
                queue.poll();
                metrics.dropped(endpoint.name());
            }
            queue.add(delivery);
            if (busy) {
                return;
            }
            busy = true;
        }
        next();
    }

    private void next() {
        Delivery delivery;
        synchronized (this) {
            delivery = closed ? null : queue.poll();
            if (delivery == null) {
                busy = false;
                return;
            }
        }
        attempt(delivery, 1);
    }

    private void attempt(Delivery delivery, int attempt) {
        if (closed) {
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "dialerd-webhooks")
                .header("X-Dialerd-Event", delivery.event())
                .header("X-Dialerd-Delivery", String.valueOf(delivery.id()))
                .header(Signature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(Signature.HEADER, Signature.sign(endpoint.secret(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                delivered();
            } else {
                failed(delivery, attempt, error == null ? "HTTP " + response.statusCode() : reason(error));
            }
        });
    }

    /** The failure itself, not the future's wrapper: {@code java.net.ConnectException}. */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause);
    }

    private void delivered() {
        metrics.attempt(endpoint.name(), "delivered");
        if (!up) {
            up = true;
            log.info("webhook {} ({}) delivers again", endpoint.name(), endpoint.url());
        }
        next();
    }

    private void failed(Delivery delivery, int attempt, String reason) {
        if (up) {
            up = false;
            log.warn("webhook {} ({}) failing: {}; retrying with backoff (logged again when it recovers)",
                    endpoint.name(), endpoint.url(), reason);
        }
        if (attempt >= settings.maxAttempts()) {
            metrics.attempt(endpoint.name(), "gave_up");
            log.debug("webhook {}: event {} dropped after {} attempts", endpoint.name(), delivery.id(), attempt);
            next();
            return;
        }
        metrics.attempt(endpoint.name(), "retried");
        try {
            timer.schedule(() -> attempt(delivery, attempt + 1), settings.backoff(attempt).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: what is queued is dropped with the daemon.
        }
    }

    /** Stops delivering; returns how many events were still queued. */
    synchronized int close() {
        closed = true;
        int left = queue.size();
        queue.clear();
        return left;
    }
}
