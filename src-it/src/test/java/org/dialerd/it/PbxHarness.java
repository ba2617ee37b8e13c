package org.dialerd.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.db.store.JdbcStores;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.DemoPbx;
import org.dialerd.server.Dialerd;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;

/**
 * The whole chain on one machine: dialerd on a fresh embedded database, connected over real
 * AMI (asterisk-java) to the simulated Asterisk, which runs on virtual time the test advances.
 * Extensions 1001–1010 are {@code Local/NNNN@agents} phones that answer after one second; 2001
 * rings and is never answered, 3001 is busy (the recorded dialplan).
 */
public final class PbxHarness implements AutoCloseable {
    /** The prefix of the uniqueids dialerd gives its campaign calls in these tests. */
    public static final String DIALER_UNIQUEID_PREFIX = "dialerd-t";

    private final AsteriskSimulator simulator;
    private final DataSource dataSource;
    private final Instant epoch;
    private final AmiSettings ami;
    private final DialerSettings dialer;
    private AmiGateway gateway;
    private Dialerd dialerd;
    private Deque<AutoCloseable> resources;

    private PbxHarness(AsteriskSimulator simulator, DataSource dataSource, Instant epoch, AmiSettings ami,
                       DialerSettings dialer) {
        this.simulator = simulator;
        this.dataSource = dataSource;
        this.epoch = epoch;
        this.ami = ami;
        this.dialer = dialer;
    }

    public static PbxHarness start(String... scripts) {
        return start(scenario -> { }, null, scripts);
    }

    /**
     * With the outbound dialer running: campaign calls go to {@code Local/<phone>@customers}
     * (the recorded dialplan: most customers answer after 2 s and talk 20 s), every 200 ms.
     */
    public static PbxHarness startWithDialer(String... scripts) {
        return startWithDialer(scenario -> { }, new DialerSettings(DemoPbx.CUSTOMER_TEMPLATE, Duration.ofMillis(200),
                DIALER_UNIQUEID_PREFIX), scripts);
    }

    /**
     * With the outbound dialer as {@code dialer} says (dial template, round interval in real
     * time), on a PBX that {@code customiser} may add to (customer contexts, queues) before it
     * starts.
     */
    public static PbxHarness startWithDialer(Consumer<Scenario> customiser, DialerSettings dialer,
                                             String... scripts) {
        return start(customiser, Objects.requireNonNull(dialer, "dialer"), scripts);
    }

    /** {@code dialer} null: no outbound dialer. */
    private static PbxHarness start(Consumer<Scenario> customiser, DialerSettings dialer, String... scripts) {
        return start(settings -> settings, customiser, dialer, scripts);
    }

    /** As above, with the AMI settings (timeouts, ping) adjusted by {@code ami}. */
    public static PbxHarness start(UnaryOperator<AmiSettings> ami, Consumer<Scenario> customiser,
                                   DialerSettings dialer, String... scripts) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Scenario scenario = Scenario.recorded().epoch(epoch);
        DemoPbx.addCampaignContext(scenario);
        for (int agent = 9002; agent <= 9004; agent++) {
            scenario.agent(String.valueOf(agent), "Agent " + agent);
        }
        customiser.accept(scenario);
        AsteriskSimulator simulator = AsteriskSimulator.start(scenario, 0);
        AmiSettings settings = ami.apply(AmiSettings.of("127.0.0.1", Scenario.DEFAULT_USER,
                Scenario.DEFAULT_SECRET).withPort(simulator.port()));
        PbxHarness harness = new PbxHarness(simulator, TestDatabases.fresh(scripts), epoch, settings, dialer);
        AmiGateway gateway = harness.newGateway();
        gateway.start();
        Awaits.until("AMI connected", Duration.ofSeconds(20), gateway::isConnected);
        DemoPbx.addStaticMembers(gateway);
        harness.startDialerd(gateway);
        return harness;
    }

    /**
     * dialerd dies without shutting down (kill -9): its AMI connection and ECCP listener are
     * gone, nothing is closed in the database. What it had written stays as written.
     */
    public void killDialerd() {
        for (AutoCloseable resource : resources) {
            if (resource instanceof org.dialerd.eccp.server.EccpServer server) {
                server.close();
            }
        }
        gateway.close();
        dialerd = null;
    }

    /** A new dialerd on the same database and PBX, as a restarted process: its gateway starts once the engine listens. */
    public void startDialerd() {
        startDialerd(newGateway());
    }

    private void startDialerd(AmiGateway newGateway) {
        gateway = newGateway;
        resources = new ArrayDeque<>();
        ExtensionDirectory template = ExtensionDirectory.template("Local/{ext}@agents");
        ExtensionDirectory extensions = ext -> ext.matches("10(0[1-9]|10)|2001|3001") ? template.dialString(ext)
                : Optional.empty();
        Dialerd.PbxSide side = new Dialerd.PbxSide(gateway, extensions, AgentEngineSettings.DEFAULTS);
        if (dialer != null) {
            side = side.withDialer(dialer);
        }
        dialerd = Dialerd.over(JdbcStores.over(dataSource), EccpServerSettings.defaults().withPort(0),
                virtualClock(simulator, epoch), side, resources);
    }

    /** A gateway that, like queues.conf, puts the static agents back in their queues after every (re)connection. */
    private AmiGateway newGateway() {
        AmiGateway g = new AmiGateway(ami);
        g.addListener(event -> {
            if (event instanceof org.dialerd.core.pbx.PbxEvent.Connected && dialerd != null) {
                DemoPbx.addStaticMembers(g);
            }
        });
        return g;
    }

    /** dialerd's clock follows the simulator's virtual time, so waits and durations match the PBX. */
    private static Clock virtualClock(AsteriskSimulator simulator, Instant epoch) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return epoch.plusMillis(simulator.nowMillis());
            }
        };
    }

    public AsteriskSimulator simulator() {
        return simulator;
    }

    public AmiGateway gateway() {
        return gateway;
    }

    public int eccpPort() {
        return dialerd.eccpPort();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (dialerd != null) {
            dialerd.close();
        }
        gateway.close();
        simulator.close();
    }
}
