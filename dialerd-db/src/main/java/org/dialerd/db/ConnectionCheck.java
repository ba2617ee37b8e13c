package org.dialerd.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Whether the database answers now, for health checks: borrows a pooled connection and lets
 * the driver validate it (a protocol-level ping, no table read). While the server is down the
 * borrow waits up to the pool's connect timeout, so callers cache the answer (the HTTP health
 * check keeps it for a second and never runs two checks at once).
 */
public final class ConnectionCheck {
    /** Seconds the driver may take to validate the connection. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private ConnectionCheck() {
    }

    public static BooleanSupplier over(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        };
    }
}
