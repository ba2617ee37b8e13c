package org.dialerd.http.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code [webhooks]} section, validated once: the endpoints and the delivery limits they share.
 *
 * @param queueSize    events waiting per endpoint; past it the oldest is dropped (counted)
 * @param maxAttempts  attempts per event (the first and the retries); then it is dropped (counted)
 * @param retryInitial wait before the first retry; doubled for each further one
 * @param retryMax     longest wait between attempts
 * @param timeout      connect and answer timeout of one attempt
 */
public record WebhookSettings(List<Endpoint> endpoints, int queueSize, int maxAttempts, Duration retryInitial,
                              Duration retryMax, Duration timeout) {
    public static final int DEFAULT_QUEUE_SIZE = 1000;
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One receiver.
     *
     * @param name   the {@code <name>} of its {@code url.<name>} key: labels its metrics and log lines
     * @param events event names it receives; empty: every event ({@code events.<name> = *})
     * @param secret the HMAC-SHA256 key of its signatures
     */
    public record Endpoint(String name, URI url, Set<String> events, String secret) {
        public Endpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            events = Set.copyOf(events);
            Objects.requireNonNull(secret, "secret");
            String scheme = url.getScheme() == null ? "" : url.getScheme();
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("webhooks.url." + name + " = '" + url
                        + "': must be an http:// or https:// URL");
            }
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("webhooks.secret." + name + " must be set (receivers check "
                        + "the signature with it)");
            }
        }

        public boolean wants(String event) {
            return events.isEmpty() || events.contains(event);
        }
    }

    public WebhookSettings {
        endpoints = List.copyOf(endpoints);
        range("webhooks.queue_size", queueSize, 1, 1_000_000);
        range("webhooks.max_attempts", maxAttempts, 1, 1000);
        positive("webhooks.retry_initial_ms", retryInitial);
        positive("webhooks.retry_max_ms", retryMax);
        positive("webhooks.timeout_ms", timeout);
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("webhooks.retry_max_ms (" + retryMax.toMillis()
                    + ") must not be below webhooks.retry_initial_ms (" + retryInitial.toMillis() + ")");
        }
    }

    /** These endpoints, every limit at its default. */
    public static WebhookSettings of(List<Endpoint> endpoints) {
        return new WebhookSettings(endpoints, DEFAULT_QUEUE_SIZE, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_INITIAL,
                DEFAULT_RETRY_MAX, DEFAULT_TIMEOUT);
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed ones (1: retryInitial). */
    public Duration backoff(int attempt) {
        long millis = retryInitial.toMillis();
        for (int i = 1; i < attempt && millis < retryMax.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value.toMillis());
        }
    }
}
