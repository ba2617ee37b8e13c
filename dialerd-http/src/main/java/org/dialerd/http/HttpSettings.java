package org.dialerd.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP listener's address and limits, validated once.
 *
 * @param maxInitialLineBytes longest request line ({@code GET /path HTTP/1.1}); longer: 414
 * @param maxHeaderBytes      all header lines together; more: 431
 * @param maxBodyBytes        request body (the JSON API's parameters); more: 413
 * @param maxPipelined        requests read ahead of their answers per connection; reading pauses there
 * @param idleTimeout         a connection without traffic this long is closed
 * @param workerThreads       threads that run handlers (never the event loop); API requests wait there for the database and Asterisk
 * @param maxQueuedRequests   requests waiting for a worker; past it the answer is 503
 * @param tokenTtl            how long an API bearer token lives from its creation
 * @param tls                 HTTPS only, with this certificate and key; empty: plain HTTP
 */
public record HttpSettings(String bindAddress, int port, int maxInitialLineBytes, int maxHeaderBytes,
                           int maxBodyBytes, int maxPipelined, Duration idleTimeout, int workerThreads,
                           int maxQueuedRequests, Duration tokenTtl, java.util.Optional<Tls> tls) {
    /**
     * The listener's certificate and key, PEM files as ECCP's TLS takes them.
     *
     * @param certificate the server certificate, then any intermediates
     * @param key         its private key, unencrypted PKCS#8
     */
    public record Tls(java.nio.file.Path certificate, java.nio.file.Path key) {
        public Tls {
            Objects.requireNonNull(certificate, "http.tls_certificate");
            Objects.requireNonNull(key, "http.tls_key");
        }
    }

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** The listener's port in {@code --demo}; with {@code --config} it is off unless [http] port is set. */
    public static final int DEFAULT_PORT = 8088;
    public static final int DEFAULT_MAX_INITIAL_LINE_BYTES = 4096;
    public static final int DEFAULT_MAX_HEADER_BYTES = 8192;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_PIPELINED = 16;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_WORKER_THREADS = 8;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 256;
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);

    public HttpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(tls, "tls");
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("http.token_ttl must be positive, got " + tokenTtl);
        }
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("http.bind_address must not be empty");
        }
        requireRange("http.port", port, 0, 65535);
        requireRange("http.max_initial_line_bytes", maxInitialLineBytes, 64, 1 << 20);
        requireRange("http.max_header_bytes", maxHeaderBytes, 256, 1 << 20);
        requireRange("http.max_body_bytes", maxBodyBytes, 0, Integer.MAX_VALUE);
        requireRange("http.max_pipelined", maxPipelined, 1, 1024);
        requireRange("http.worker_threads", workerThreads, 1, 256);
        requireRange("http.max_queued_requests", maxQueuedRequests, 1, 1_000_000);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("http.idle_timeout must be positive, got " + idleTimeout);
        }
    }

    /** Loopback, every limit at its default. */
    public static HttpSettings on(int port) {
        return new HttpSettings(DEFAULT_BIND_ADDRESS, port, DEFAULT_MAX_INITIAL_LINE_BYTES, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_PIPELINED, DEFAULT_IDLE_TIMEOUT, DEFAULT_WORKER_THREADS,
                DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_TOKEN_TTL, java.util.Optional.empty());
    }

    public HttpSettings withBindAddress(String address) {
        return new HttpSettings(address, port, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes, maxPipelined,
                idleTimeout, workerThreads, maxQueuedRequests, tokenTtl, tls);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(bindAddress, newPort, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes, maxPipelined,
                idleTimeout, workerThreads, maxQueuedRequests, tokenTtl, tls);
    }

    public HttpSettings withTokenTtl(Duration ttl) {
        return new HttpSettings(bindAddress, port, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes, maxPipelined,
                idleTimeout, workerThreads, maxQueuedRequests, ttl, tls);
    }

    public HttpSettings withTls(Tls newTls) {
        return new HttpSettings(bindAddress, port, maxInitialLineBytes, maxHeaderBytes, maxBodyBytes, maxPipelined,
                idleTimeout, workerThreads, maxQueuedRequests, tokenTtl, java.util.Optional.of(newTls));
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
