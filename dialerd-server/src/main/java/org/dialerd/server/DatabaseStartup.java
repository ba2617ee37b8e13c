package org.dialerd.server;

import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.Stores;
import org.dialerd.db.ConnectionCheck;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcDeviceDirectory;
import org.dialerd.db.store.JdbcStores;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database the configuration names. Without a configured server (the demo, or no
 * {@code [database]} section) an embedded MariaDB is started under the data directory; its
 * schema is created if absent and the demo data is loaded once. A configured server gets
 * only the missing tables (every statement is {@code CREATE TABLE IF NOT EXISTS}).
 */
final class DatabaseStartup {
    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final int EMBEDDED_PORT = EmbeddedMariaDb.ANY_FREE_PORT;

    private DatabaseStartup() {
    }

    /**
     * The repositories, FreePBX's devices table as an extension directory when asked for, and
     * the check /health runs.
     */
    record Opened(Stores stores, Function<String, ExtensionDirectory> devicesTable, BooleanSupplier reachable) {}

    /** Registers what it opens in {@code resources} (closed last-first by dialerd). */
    static Opened open(DialerdConfig config, Deque<AutoCloseable> resources) {
        if (config.database().isPresent()) {
            DialerdConfig.DatabaseConfig db = config.database().get();
            DatabaseSettings settings = new DatabaseSettings(db.host(), db.port(), db.name(), db.user(),
                    db.password(), db.poolSize(), DatabaseSettings.DEFAULT_CONNECT_TIMEOUT);
            Database database = Database.open(settings);
            resources.push(database);
            SchemaInstaller.installSchema(database.dataSource());
            log.info("database {} ready", settings);
            return opened(database);
        }
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"), EMBEDDED_PORT);
        resources.push(embedded);
        embedded.createDatabase(DatabaseSettings.DEFAULT_DATABASE);
        Database database = Database.open(embedded.settings(DatabaseSettings.DEFAULT_DATABASE)
                .withPoolSize(DatabaseSettings.DEFAULT_POOL_SIZE));
        resources.push(database);
        SchemaInstaller.installSchema(database.dataSource());
        SchemaInstaller.DemoSeed seed = SchemaInstaller.seedDemoDataOnce(database.dataSource());
        log.info("embedded database ready in {} (demo data: {})", config.dataDir().toAbsolutePath(), seed);
        return opened(database);
    }

    private static Opened opened(Database database) {
        var dataSource = database.dataSource();
        return new Opened(JdbcStores.over(dataSource),
                table -> new JdbcDeviceDirectory(new Jdbc(dataSource), table), ConnectionCheck.over(dataSource));
    }

}
