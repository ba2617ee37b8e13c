package org.dialerd.it.outage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.Persistence;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.testing.TestDatabases;

/**
 * A MariaDB server of the test's own (not the suite's shared one), so the test can stop it
 * under traffic and start it again on the same port and data: a real outage, with real
 * connections refused. dialerd gets the pools it has in production (a request pool with a
 * short connection timeout, a journal pool); the test reads rows through a third.
 */
public final class OutageDatabase implements AutoCloseable {
    private static final String NAME = "call_center";

    private final Path directory;
    private final int port;
    private EmbeddedMariaDb server;
    private final Database requests;
    private final Database writes;
    private final Database check;

    private OutageDatabase(Path directory, EmbeddedMariaDb server) {
        this.directory = directory;
        this.server = server;
        this.port = server.port();
        server.createDatabase(NAME);
        DatabaseSettings settings = server.settings(NAME).withPoolSize(4);
        this.check = Database.open(settings);
        SchemaInstaller.installSchema(check.dataSource());
        SchemaInstaller.seedDemoDataOnce(check.dataSource());
        this.requests = Database.open(settings, Duration.ofMillis(500));
        this.writes = Database.open(settings.withPoolSize(2));
    }

    public static OutageDatabase start(String name) throws Exception {
        Path root = Path.of(System.getProperty("user.dir"), "target", "outage-mariadb");
        Files.createDirectories(root);
        Path directory = Files.createTempDirectory(root, name + "-");
        return new OutageDatabase(directory, TestDatabases.startServer(directory, EmbeddedMariaDb.ANY_FREE_PORT));
    }

    public Persistence persistence(JournalSettings journal) {
        return Persistence.over(requests.dataSource(), writes.dataSource(), journal, Persistence.DEFAULT_ID_BLOCK);
    }

    /** The server's port (the same after {@link #restart}), for a dialerd in another process. */
    public int port() {
        return port;
    }

    /** Where the server keeps its data; tests put the files of their dialerds next to it. */
    public Path directory() {
        return directory;
    }

    public DataSource check() {
        return check.dataSource();
    }

    /** A clean shutdown of the server: every connection is refused until {@link #restart}. */
    public void stop() {
        server.stop();
    }

    /** Starts the server again and returns once every pool hands out connections again. */
    public void restart() {
        server = TestDatabases.startServer(directory, port);
        for (Database pool : new Database[] {requests, writes, check}) {
            org.dialerd.it.Awaits.until("the pool reconnected", Duration.ofSeconds(30), () -> {
                try (var connection = pool.dataSource().getConnection()) {
                    return connection.isValid(1);
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
        }
    }

    @Override
    public void close() {
        requests.close();
        writes.close();
        check.close();
        server.stop();
    }
}
