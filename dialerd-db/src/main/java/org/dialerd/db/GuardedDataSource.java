package org.dialerd.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker in front of the request pool. Once the pool fails to hand out a connection
 * (the server is down or unreachable), every request is refused at once with
 * {@link SQLTransientConnectionException}, so ECCP answers 503 immediately instead of after a
 * connection timeout, and request threads never pile up on a dead server. A probe asks the pool
 * for a connection every {@code probeEvery} and closes the breaker when one is valid.
 */
public final class GuardedDataSource implements DataSource, AutoCloseable {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(GuardedDataSource.class);

    private final DataSource pool;
    private final Duration probeEvery;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dialerd-db-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String openBecause;
    private volatile long openedAtNanos;

    public GuardedDataSource(DataSource pool, Duration probeEvery) {
        this.pool = pool;
        this.probeEvery = probeEvery;
    }

    /** Whether requests may use the database now (the breaker is closed). */
    public boolean available() {
        return openBecause == null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String because = openBecause;
        if (because != null) {
            throw new SQLTransientConnectionException("database unavailable (" + because + "); retried every "
                    + probeEvery.toMillis() + " ms", "08000");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            trip(e);
            throw e;
        }
    }

    private synchronized void trip(SQLException e) {
        if (openBecause != null) {
            return;
        }
        openBecause = String.valueOf(e.getMessage());
        openedAtNanos = System.nanoTime();
        log.warn("database unreachable ({}): requests that need it answer 503 at once until a probe succeeds",
                e.getMessage());
        prober.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        try (Connection connection = pool.getConnection()) {
            if (connection.isValid(1)) {
                openBecause = null;
                log.info("database reachable again after {} s: requests use it again",
                        (System.nanoTime() - openedAtNanos) / 1_000_000_000);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            // Still down: look again later.
        }
        if (!prober.isShutdown()) {
            prober.schedule(this::probe, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
