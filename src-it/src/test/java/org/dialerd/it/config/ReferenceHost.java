package org.dialerd.it.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.dialerd.db.Database;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.SqlScript;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;

/**
 * An Issabel host as the PHP dialerd sees it, on the test machine: on the embedded MariaDB a
 * {@code call_center} database (demo data; valor_config names the simulated Asterisk) and a
 * FreePBX {@code asterisk} database with a {@code devices} table, named with its own user (the
 * embedded server runs with --skip-grant-tables, so it does not check that login); an
 * amportal.conf naming that database; the reference's dialerd.conf (only
 * {@code [database] dbhost dbuser dbpass}). The one line the reference's file lacks is
 * {@code [freepbx] amportal_conf}: the test cannot write /etc/amportal.conf.
 */
final class ReferenceHost implements AutoCloseable {
    static final String FREEPBX_USER = "freepbx";
    static final String FREEPBX_PASSWORD = "fpbx#pass";

    private final Path dir;
    private final AsteriskSimulator simulator;
    private final int databasePort;

    private ReferenceHost(Path dir, AsteriskSimulator simulator, int databasePort) {
        this.dir = dir;
        this.simulator = simulator;
        this.databasePort = databasePort;
    }

    /**
     * Devices: 1001 → {@code Local/1001@agents} (a simulated phone that answers), 1002 →
     * {@code PJSIP/1002}, 1003 → {@code SIP/1003}. astdb QPENALTY: extension 1002 in queue 8001
     * with penalty 2, 1003 in 8000 (the demo's dialerd_queue_member rows say 8000 and 8001).
     */
    static ReferenceHost start(Path dir) throws IOException, SQLException {
        Scenario scenario = Scenario.recorded().epoch(Instant.now())
                .astdb("QPENALTY", "8001/agents/1002", "2")
                .astdb("QPENALTY", "8000/agents/1003", "0");
        AsteriskSimulator simulator = AsteriskSimulator.start(scenario, 0);
        EmbeddedMariaDb server = TestDatabases.server();
        try (Database admin = Database.open(server.settings("information_schema").withPoolSize(1));
             Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS call_center");
            s.execute("DROP DATABASE IF EXISTS asterisk");
            s.execute("CREATE DATABASE call_center CHARACTER SET utf8mb4");
            s.execute("CREATE DATABASE asterisk CHARACTER SET utf8mb4");
        }
        try (Database callCenter = Database.open(server.settings("call_center").withPoolSize(1))) {
            SchemaInstaller.installSchema(callCenter.dataSource());
            SchemaInstaller.seedDemoDataOnce(callCenter.dataSource());
            try (Connection c = callCenter.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE valor_config SET config_value = '127.0.0.1:" + simulator.port()
                        + "' WHERE config_key = 'asterisk.asthost'");
            }
        }
        try (Database asterisk = Database.open(server.settings("asterisk").withPoolSize(1));
             Connection c = asterisk.dataSource().getConnection(); Statement s = c.createStatement()) {
            SqlScript.fromClasspath("sql/freepbx-devices.sql").runOn(c);
            s.executeUpdate("INSERT INTO devices (id, tech, dial, devicetype, `user`, description) VALUES"
                    + " ('1001', 'sip', 'Local/1001@agents', 'fixed', '1001', 'Reception'),"
                    + " ('1002', 'pjsip', 'PJSIP/1002', 'fixed', '1002', 'Sales 1'),"
                    + " ('1003', 'sip', 'SIP/1003', 'fixed', '1003', 'Sales 2')");
        }
        int port = server.settings("call_center").port();
        Files.writeString(dir.resolve("amportal.conf"), """
                # FreePBX settings (written by the test)
                AMPDBENGINE=mysql
                AMPDBHOST=127.0.0.1:%d
                AMPDBUSER=%s
                AMPDBPASS="%s"
                AMPMGRUSER=admin
                """.formatted(port, FREEPBX_USER, FREEPBX_PASSWORD));
        Files.writeString(dir.resolve("dialerd.conf"), referenceConf("127.0.0.1:" + port) + amportalLine(dir));
        return new ReferenceHost(dir, simulator, port);
    }

    /** The reference's /opt/issabel/dialer/dialerd.conf, with the given dbhost. */
    static String referenceConf(String dbhost) {
        return "[database]\ndbhost = " + dbhost + "\ndbuser = root\ndbpass = \n";
    }

    static String amportalLine(Path dir) {
        return "\n[freepbx]\namportal_conf = " + dir.resolve("amportal.conf") + "\n";
    }

    Path conf() {
        return dir.resolve("dialerd.conf");
    }

    Path dir() {
        return dir;
    }

    int databasePort() {
        return databasePort;
    }

    AsteriskSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
