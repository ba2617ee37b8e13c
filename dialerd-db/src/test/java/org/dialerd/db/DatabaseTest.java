package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void opensAPoolOnTheConfiguredDatabase() throws SQLException {
        TestDatabases.fresh();
        try (Database database = Database.open(TestDatabases.settings("information_schema"));
             Connection connection = database.dataSource().getConnection()) {
            assertEquals("information_schema", connection.getCatalog());
        }
    }

    @Test
    void failsAtOpenWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings settings = new DatabaseSettings("127.0.0.1", closedPort, "call_center", "root", "",
                1, Duration.ofMillis(500));
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(settings));
        assertTrue(e.getMessage().startsWith("cannot connect to DatabaseSettings[root@127.0.0.1:" + closedPort),
                e.getMessage());
        assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
    }
}
