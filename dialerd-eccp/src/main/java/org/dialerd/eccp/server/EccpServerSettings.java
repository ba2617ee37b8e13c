package org.dialerd.eccp.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The ECCP listener's limits, validated once.
 *
 * @param allowedClients client IP addresses allowed to connect; empty allows everyone
 * @param maxRequestsInFlight requests read but not yet answered per session; reading pauses there
 * @param maxOutboundBytes bytes queued to a session that does not read; past it the session is closed
 */
public record EccpServerSettings(String bindAddress, int port, int maxPacketBytes, Duration idleTimeout,
                                 int maxRequestsInFlight, int maxOutboundBytes, Set<String> allowedClients,
                                 int workerThreads) {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 20005;
    public static final int DEFAULT_MAX_PACKET_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 128;
    public static final int DEFAULT_MAX_OUTBOUND_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_WORKER_THREADS = 16;

    public EccpServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        allowedClients = Set.copyOf(allowedClients);
        requireRange("eccp.port", port, 0, 65535);
        requireRange("eccp.max_packet_bytes", maxPacketBytes, 64, Integer.MAX_VALUE);
        requireRange("eccp.max_requests_in_flight", maxRequestsInFlight, 1, 1_000_000);
        requireRange("eccp.max_outbound_bytes", maxOutboundBytes, 64 * 1024, Integer.MAX_VALUE);
        requireRange("eccp.worker_threads", workerThreads, 1, 1024);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("eccp.idle_timeout must be positive, got " + idleTimeout);
        }
    }

    public static EccpServerSettings defaults() {
        return new EccpServerSettings(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MAX_PACKET_BYTES,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_REQUESTS_IN_FLIGHT, DEFAULT_MAX_OUTBOUND_BYTES, Set.of(),
                DEFAULT_WORKER_THREADS);
    }

    public EccpServerSettings withPort(int newPort) {
        return new EccpServerSettings(bindAddress, newPort, maxPacketBytes, idleTimeout, maxRequestsInFlight,
                maxOutboundBytes, allowedClients, workerThreads);
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
