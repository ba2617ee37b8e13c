package org.dialerd.eccp.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ECCP listeners' limits, validated once.
 *
 * @param port               the plain-TCP port; only used when {@code plainEnabled}
 * @param allowedClients     client IP addresses allowed to connect; empty allows everyone
 * @param maxRequestsInFlight requests read but not yet answered per session; reading pauses there
 * @param maxOutboundBytes   bytes queued to a session that does not read; past it the session is closed
 * @param plainEnabled       false: no plain-TCP listener (ECCP over TLS only)
 * @param tls                the ECCP-over-TLS listener, when configured
 * @param loginThrottle      how failed logins from one address are slowed down
 * @param maxConnections     open connections at once, both listeners together; more are refused
 * @param warmupRequests     requests answered in memory before the listener opens, to warm the JIT
 *                           ({@link EccpWarmup}); 0: none. The daemon's configuration asks for
 *                           {@link #DEFAULT_WARMUP_REQUESTS}; tests and embedders start cold.
 */
public record EccpServerSettings(String bindAddress, int port, int maxPacketBytes, Duration idleTimeout,
                                 int maxRequestsInFlight, int maxOutboundBytes, Set<String> allowedClients,
                                 int workerThreads, boolean plainEnabled, Optional<EccpTlsSettings> tls,
                                 LoginThrottleSettings loginThrottle, int maxConnections, int warmupRequests) {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 20005;
    public static final int DEFAULT_MAX_PACKET_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 128;
    public static final int DEFAULT_MAX_OUTBOUND_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_WORKER_THREADS = 16;
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    /** eccp.warmup_requests when dialerd.conf does not say: about a second of work on a cold JVM. */
    public static final int DEFAULT_WARMUP_REQUESTS = 20_000;
    public static final int MAX_WARMUP_REQUESTS = 1_000_000;

    public EccpServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(loginThrottle, "loginThrottle");
        allowedClients = Set.copyOf(allowedClients);
        requireRange("eccp.port", port, 0, 65535);
        requireRange("eccp.max_packet_bytes", maxPacketBytes, 64, Integer.MAX_VALUE);
        requireRange("eccp.max_requests_in_flight", maxRequestsInFlight, 1, 1_000_000);
        requireRange("eccp.max_outbound_bytes", maxOutboundBytes, 64 * 1024, Integer.MAX_VALUE);
        requireRange("eccp.worker_threads", workerThreads, 1, 1024);
        requireRange("eccp.max_connections", maxConnections, 1, 1_000_000);
        requireRange("eccp.warmup_requests", warmupRequests, 0, MAX_WARMUP_REQUESTS);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("eccp.idle_timeout must be positive, got " + idleTimeout);
        }
        if (!plainEnabled && tls.isEmpty()) {
            throw new IllegalArgumentException("eccp.port = off needs eccp.tls_port: ECCP would listen nowhere");
        }
        if (plainEnabled && port != 0 && tls.isPresent() && tls.get().port() == port) {
            throw new IllegalArgumentException("eccp.tls_port = " + port + ": the same port as eccp.port");
        }
    }

    /** No warm-up. */
    public EccpServerSettings(String bindAddress, int port, int maxPacketBytes, Duration idleTimeout,
                              int maxRequestsInFlight, int maxOutboundBytes, Set<String> allowedClients,
                              int workerThreads, boolean plainEnabled, Optional<EccpTlsSettings> tls,
                              LoginThrottleSettings loginThrottle, int maxConnections) {
        this(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight, maxOutboundBytes, allowedClients,
                workerThreads, plainEnabled, tls, loginThrottle, maxConnections, 0);
    }

    /** Plain TCP only, no TLS, default login throttling and connection limit. */
    public EccpServerSettings(String bindAddress, int port, int maxPacketBytes, Duration idleTimeout,
                              int maxRequestsInFlight, int maxOutboundBytes, Set<String> allowedClients,
                              int workerThreads) {
        this(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight, maxOutboundBytes, allowedClients,
                workerThreads, true, Optional.empty(), LoginThrottleSettings.DEFAULTS, DEFAULT_MAX_CONNECTIONS);
    }

    public static EccpServerSettings defaults() {
        return new EccpServerSettings(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MAX_PACKET_BYTES,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_REQUESTS_IN_FLIGHT, DEFAULT_MAX_OUTBOUND_BYTES, Set.of(),
                DEFAULT_WORKER_THREADS);
    }

    /** The plain port (0: any free port); whether it is enabled does not change. */
    public EccpServerSettings withPort(int newPort) {
        return new EccpServerSettings(bindAddress, newPort, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, plainEnabled, tls, loginThrottle, maxConnections,
                warmupRequests);
    }

    public EccpServerSettings withTls(EccpTlsSettings newTls) {
        return new EccpServerSettings(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, plainEnabled, Optional.of(newTls), loginThrottle,
                maxConnections, warmupRequests);
    }

    /** ECCP over TLS only; needs {@link #withTls} first. */
    public EccpServerSettings withoutPlainPort() {
        return new EccpServerSettings(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, false, tls, loginThrottle, maxConnections,
                warmupRequests);
    }

    public EccpServerSettings withLoginThrottle(LoginThrottleSettings throttle) {
        return new EccpServerSettings(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, plainEnabled, tls, throttle, maxConnections,
                warmupRequests);
    }

    public EccpServerSettings withMaxConnections(int max) {
        return new EccpServerSettings(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, plainEnabled, tls, loginThrottle, max,
                warmupRequests);
    }

    /** {@code requests} answered in memory before the listener opens (0: none). */
    public EccpServerSettings withWarmupRequests(int requests) {
        return new EccpServerSettings(bindAddress, port, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads, plainEnabled, tls, loginThrottle, maxConnections,
                requests);
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
