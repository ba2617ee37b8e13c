package org.dialerd.db;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the {@code call_center} database is and how to pool connections to it. Validated
 * on construction: a bad value fails at start with the setting's name and the value.
 *
 * @param host           server host name or address
 * @param port           server TCP port (1..65535)
 * @param database       database (schema) name; letters, digits, {@code _} and {@code $}
 * @param user           user name
 * @param password       password, may be empty; never printed by {@link #toString()}
 * @param poolSize       maximum number of pooled connections (at least 1)
 * @param connectTimeout how long to wait for a connection from the pool or the server
 */
public record DatabaseSettings(
        String host,
        int port,
        String database,
        String user,
        String password,
        int poolSize,
        Duration connectTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final String DEFAULT_DATABASE = "call_center";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Names we put into a JDBC URL and into {@code CREATE DATABASE} unquoted. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    public DatabaseSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("database host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port must be 1..65535, was " + port);
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must be 1..64 of [A-Za-z0-9_$], was '"
                    + database + "'");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("database user must not be empty");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, was " + poolSize);
        }
        if (connectTimeout.toMillis() < 250) {
            // HikariCP refuses connection timeouts below 250 ms.
            throw new IllegalArgumentException("database connect timeout must be at least 250 ms, was "
                    + connectTimeout);
        }
    }

    /** Settings for {@code call_center} with the default pool size and connect timeout. */
    public static DatabaseSettings of(String host, int port, String user, String password) {
        return new DatabaseSettings(host, port, DEFAULT_DATABASE, user, password,
                DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
    }

    public DatabaseSettings withDatabase(String name) {
        return new DatabaseSettings(host, port, name, user, password, poolSize, connectTimeout);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(host, port, database, user, password, size, connectTimeout);
    }

    /** MariaDB Connector/J URL; Connector/J 3 talks utf8mb4 and leaves the time zone to the server. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + user + "@" + host + ":" + port + "/" + database
                + ", password=" + (password.isEmpty() ? "(empty)" : "***")
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + "]";
    }
}
