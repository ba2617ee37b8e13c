package org.dialerd.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Asterisk's manager interface and how hard to hold on to it. Validated once,
 * here: a bad value fails with the setting's name and the value.
 *
 * @param host                Asterisk's address
 * @param port                AMI TCP port ({@value #DEFAULT_PORT})
 * @param username            manager.conf user
 * @param secret              manager.conf secret (sent as an MD5 challenge answer, never in clear)
 * @param actionTimeout       longest wait for the answer to one action (list actions: the whole list),
 *                            and for each login step
 * @param reconnectBackoffMin first delay after a failed login; doubled after each further failure
 * @param reconnectBackoffMax ceiling of that delay
 * @param pingInterval        a Ping is sent this often; the socket read timeout derived from it
 *                            ({@link #socketReadTimeout()}) detects half-open connections
 */
public record AmiSettings(String host, int port, String username, String secret, Duration actionTimeout,
                          Duration reconnectBackoffMin, Duration reconnectBackoffMax, Duration pingInterval) {

    public static final int DEFAULT_PORT = 5038;
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(2);

    /** Silence longer than this many ping intervals (plus one action timeout) means the peer is gone. */
    private static final int MISSED_PINGS_BEFORE_DEAD = 2;

    public AmiSettings {
        require(host != null && !host.isBlank(), "ami.host", host, "must not be empty");
        require(port >= 1 && port <= 65535, "ami.port", port, "must be between 1 and 65535");
        require(username != null && !username.isBlank(), "ami.username", username, "must not be empty");
        Objects.requireNonNull(secret, "ami.secret");
        positive(actionTimeout, "ami.action_timeout");
        positive(reconnectBackoffMin, "ami.reconnect_backoff_min");
        positive(reconnectBackoffMax, "ami.reconnect_backoff_max");
        require(reconnectBackoffMax.compareTo(reconnectBackoffMin) >= 0, "ami.reconnect_backoff_max",
                reconnectBackoffMax, "must not be shorter than ami.reconnect_backoff_min (" + reconnectBackoffMin + ")");
        positive(pingInterval, "ami.ping_interval");
        require(socketReadTimeoutMillis(actionTimeout, pingInterval) <= Integer.MAX_VALUE, "ami.ping_interval",
                pingInterval, "is too long");
    }

    /** The defaults for everything but the address and the credentials. */
    public static AmiSettings of(String host, String username, String secret) {
        return new AmiSettings(host, DEFAULT_PORT, username, secret, DEFAULT_ACTION_TIMEOUT,
                DEFAULT_RECONNECT_BACKOFF_MIN, DEFAULT_RECONNECT_BACKOFF_MAX, DEFAULT_PING_INTERVAL);
    }

    public AmiSettings withPort(int newPort) {
        return new AmiSettings(host, newPort, username, secret, actionTimeout, reconnectBackoffMin,
                reconnectBackoffMax, pingInterval);
    }

    public AmiSettings withActionTimeout(Duration timeout) {
        return new AmiSettings(host, port, username, secret, timeout, reconnectBackoffMin, reconnectBackoffMax,
                pingInterval);
    }

    public AmiSettings withReconnectBackoff(Duration min, Duration max) {
        return new AmiSettings(host, port, username, secret, actionTimeout, min, max, pingInterval);
    }

    public AmiSettings withPingInterval(Duration interval) {
        return new AmiSettings(host, port, username, secret, actionTimeout, reconnectBackoffMin,
                reconnectBackoffMax, interval);
    }

    /**
     * How long the socket may stay silent before the connection is declared dead: we ping every
     * {@code pingInterval} and Asterisk answers within {@code actionTimeout}, so silence longer
     * than two intervals plus one timeout means a half-open connection.
     */
    public Duration socketReadTimeout() {
        return Duration.ofMillis(socketReadTimeoutMillis(actionTimeout, pingInterval));
    }

    /** Secret masked: settings get logged. */
    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + host + ":" + port + ", secret=" + (secret.isEmpty() ? "(empty)" : "***")
                + ", actionTimeout=" + actionTimeout + ", reconnectBackoff=" + reconnectBackoffMin + ".."
                + reconnectBackoffMax + ", pingInterval=" + pingInterval + "]";
    }

    private static long socketReadTimeoutMillis(Duration actionTimeout, Duration pingInterval) {
        return pingInterval.toMillis() * MISSED_PINGS_BEFORE_DEAD + actionTimeout.toMillis();
    }

    private static void positive(Duration value, String name) {
        require(value != null && !value.isNegative() && !value.isZero() && value.toMillis() > 0, name, value,
                "must be at least 1 ms");
    }

    private static void require(boolean ok, String name, Object value, String why) {
        if (!ok) {
            throw new IllegalArgumentException(name + " = '" + value + "': " + why);
        }
    }
}
