package org.dialerd.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The connection pool to the {@code call_center} database. {@link #open} connects once
 * and fails fast (with a {@link DatabaseException}) when the server cannot be reached,
 * so a wrong host or password stops the daemon at start instead of at the first call.
 */
public final class Database implements AutoCloseable {

    /** Prefix of the pool's name in HikariCP's log lines and thread names. */
    public static final String POOL_NAME = "dialerd-db";

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, settings.connectTimeout());
    }

    /**
     * A pool whose callers wait at most {@code connectionTimeout} for a connection (requests use a
     * short one, so their pool fails fast while the server is down); the first connect at start
     * still gets {@link DatabaseSettings#connectTimeout()}. HikariCP reads the timeout once, when
     * the pool starts: it cannot be shortened afterwards.
     */
    public static Database open(DatabaseSettings settings, java.time.Duration connectionTimeout) {
        Objects.requireNonNull(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME + "-" + settings.database());
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        // Connect once now: a bad host, port or password is a start-up error.
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseException("cannot connect to " + settings, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open the connection pool for " + settings, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Closes the pool; connections in use are closed when returned. Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + settings + "]";
    }
}
