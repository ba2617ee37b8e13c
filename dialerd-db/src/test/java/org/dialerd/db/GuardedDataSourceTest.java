package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class GuardedDataSourceTest {
    /** A pool whose server can be switched off; counts how often it is asked. */
    static final class Pool {
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger asked = new AtomicInteger();

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("getConnection")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        asked.incrementAndGet();
                        if (down.get()) {
                            throw new SQLTransientConnectionException("Connection is not available", "08001");
                        }
                        return connection();
                    });
        }

        private static Connection connection() {
            return (Connection) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getName().equals("isValid") ? Boolean.TRUE : null);
        }
    }

    @Test
    void afterOneFailureRequestsAreRefusedAtOnceUntilAProbeSucceeds() throws Exception {
        Pool pool = new Pool();
        try (GuardedDataSource guarded = new GuardedDataSource(pool.dataSource(), Duration.ofMillis(50))) {
            guarded.getConnection().close();
            pool.down.set(true);
            assertThrows(SQLException.class, guarded::getConnection);
            assertFalse(guarded.available());
            int askedWhenOpened = pool.asked.get();
            SQLException refused = assertThrows(SQLTransientConnectionException.class, guarded::getConnection);
            assertTrue(refused.getMessage().startsWith("database unavailable (Connection is not available)"),
                    refused.getMessage());
            assertEquals("08000", refused.getSQLState(), "a connection failure: ECCP answers 503");
            for (int i = 0; i < 50; i++) {
                assertThrows(SQLTransientConnectionException.class, guarded::getConnection);
            }
            assertTrue(pool.asked.get() - askedWhenOpened < 10, "requests do not reach the pool, only the probe does");
            pool.down.set(false);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!guarded.available() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(guarded.available(), "closed by the probe");
            guarded.getConnection().close();
        }
    }
}
