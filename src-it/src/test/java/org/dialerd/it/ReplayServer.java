package org.dialerd.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.db.SqlScript;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcDeviceDirectory;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.Dialerd;

/** dialerd on a fresh embedded database loaded with the given scripts, ECCP on a free port. */
public final class ReplayServer implements AutoCloseable {
    private final DataSource dataSource;
    private final Dialerd dialerd;

    private ReplayServer(DataSource dataSource, Dialerd dialerd) {
        this.dataSource = dataSource;
        this.dialerd = dialerd;
    }

    /** Scripts may be classpath resources ("sql/demo-data.sql") or file paths. */
    public static ReplayServer start(Clock clock, String... scripts) {
        return start(clock, EccpServerSettings.defaults().withPort(0), scripts);
    }

    public static ReplayServer start(Clock clock, EccpServerSettings settings, String... scripts) {
        DataSource dataSource = TestDatabases.fresh(scripts);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        Dialerd dialerd = Dialerd.over(org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()), settings, clock, PbxGateway.disconnected(),
                resources);
        return new ReplayServer(dataSource, dialerd);
    }

    /**
     * Like the reference's recording set-up: the simulated Asterisk connected over AMI (queues
     * 8000/8001 without members, no agent logged in) and FreePBX's devices table for dial strings.
     */
    public static ReplayServer startWithAsterisk(Clock clock, Path devicesData, String... scripts) {
        String[] all = new String[scripts.length + 2];
        System.arraycopy(scripts, 0, all, 0, scripts.length);
        all[scripts.length] = "sql/freepbx-devices.sql";
        all[scripts.length + 1] = devicesData.toString();
        DataSource dataSource = TestDatabases.fresh(all);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        AsteriskSimulator simulator = AsteriskSimulator.start(Scenario.recorded(), 0);
        resources.push(simulator);
        AmiGateway gateway = new AmiGateway(AmiSettings.of("127.0.0.1", Scenario.DEFAULT_USER,
                Scenario.DEFAULT_SECRET).withPort(simulator.port()));
        resources.push(gateway);
        gateway.start();
        Awaits.until("AMI connected", java.time.Duration.ofSeconds(20), gateway::isConnected);
        Dialerd.PbxSide pbx = new Dialerd.PbxSide(gateway, new JdbcDeviceDirectory(new Jdbc(dataSource), "devices"),
                AgentEngineSettings.DEFAULTS);
        Dialerd dialerd = Dialerd.over(org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()), EccpServerSettings.defaults().withPort(0), clock,
                pbx, resources);
        return new ReplayServer(dataSource, dialerd);
    }

    public static ReplayServer start(Path seed, Clock clock) {
        return start(clock, seed.toString());
    }

    public int port() {
        return dialerd.eccpPort();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialerd dialerd() {
        return dialerd;
    }

    /** Runs a SQL file (without its USE statements) on this server's database. */
    public void runScript(Path script) {
        try (Connection connection = dataSource.getConnection()) {
            SqlScript.fromFile(script).withoutUseStatements().runOn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + script, e);
        }
    }

    @Override
    public void close() {
        dialerd.close();
    }
}
