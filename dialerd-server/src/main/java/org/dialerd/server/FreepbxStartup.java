package org.dialerd.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Optional;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcDeviceDirectory;
import org.dialerd.server.config.AmportalConf;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How agents are found on the Asterisk side, as the reference finds them on a FreePBX/Issabel
 * host with no extra setting: when amportal.conf names the FreePBX database, extensions are
 * looked up in its {@code devices} table (over a second small pool, since it may be another
 * server or user than call_center's) and dynamic agents' queues come from astdb QPENALTY.
 * {@code agents.devices_table} and {@code agents.membership} override each half.
 */
final class FreepbxStartup {
    private static final Logger log = LoggerFactory.getLogger(FreepbxStartup.class);

    /**
     * @param extensions          extension → dial string
     * @param membershipFromAstdb dynamic agents' queues from astdb QPENALTY
     */
    record Agents(ExtensionDirectory extensions, boolean membershipFromAstdb) {}

    private FreepbxStartup() {
    }

    /** Opens what the agents need; registers the FreePBX pool in {@code resources}. */
    static Agents open(DialerdConfig config, DatabaseStartup.Opened database, Deque<AutoCloseable> resources) {
        Optional<AmportalConf> freepbx = amportal(config);
        DialerdConfig.AgentsConfig agents = config.agents();
        boolean astdb = agents.membershipFromAstdb().orElse(freepbx.isPresent());
        log.info("dynamic agents' queues from {}", astdb ? "astdb QPENALTY" : "table dialerd_queue_member");
        if (agents.devicesTable().isPresent()) {
            log.info("extensions from table {} (agents.devices_table)", agents.devicesTable().get());
            return new Agents(database.devicesTable().apply(agents.devicesTable().get()), astdb);
        }
        if (freepbx.isEmpty()) {
            log.info("extensions dial {} (agents.dial_template)", agents.dialTemplate());
            return new Agents(ExtensionDirectory.template(agents.dialTemplate()), astdb);
        }
        Database devices = openDatabase(freepbx.get());
        resources.push(devices);
        log.info("extensions from {}.devices ({})", devices.settings().database(), freepbx.get().path());
        return new Agents(new JdbcDeviceDirectory(new Jdbc(devices.dataSource()), "devices"), astdb);
    }

    /** The amportal.conf to use: present and naming the database; else empty, with the reason logged. */
    static Optional<AmportalConf> amportal(DialerdConfig config) {
        if (config.amportalConf().isEmpty()) {
            return Optional.empty();
        }
        Path path = config.amportalConf().get();
        if (!Files.exists(path)) {
            log.info("no {}: not a FreePBX host", path);
            return Optional.empty();
        }
        AmportalConf conf = AmportalConf.read(path);
        if (!conf.missingDatabaseKeys().isEmpty()) {
            log.warn("{} has no {}: the FreePBX devices table is not used", path,
                    String.join(", ", conf.missingDatabaseKeys()));
            return Optional.empty();
        }
        return Optional.of(conf);
    }

    /** Fails the start, naming the file, when the FreePBX database cannot be reached. */
    static Database openDatabase(AmportalConf conf) {
        DatabaseSettings settings = settings(conf);
        try {
            return Database.open(settings);
        } catch (RuntimeException e) {
            throw new IllegalStateException("FreePBX database of " + conf.path() + ": " + e.getMessage(), e);
        }
    }

    /** The pool settings for the FreePBX database; a value the pool refuses names the file. */
    static DatabaseSettings settings(AmportalConf conf) {
        DialerdConfig.DatabaseConfig db = conf.database();
        try {
            return new DatabaseSettings(db.host(), db.port(), db.name(), db.user(), db.password(), db.poolSize(),
                    DatabaseSettings.DEFAULT_CONNECT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(conf.path() + ": " + e.getMessage(), e);
        }
    }
}
