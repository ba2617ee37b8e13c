package org.dialerd.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.db.ConnectionCheck;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.http.HttpSettings;
import org.dialerd.http.metrics.DialerdMeters;
import org.dialerd.server.DemoPbx;
import org.dialerd.server.Dialerd;
import org.dialerd.server.Monitoring;
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
    private final AmiGateway gateway;
    private final Dialerd dialerd;
    private final DataSource dataSource;
    /** The wall-clock instant the simulator's virtual time 0 stands for. */
    private final Instant epoch;

    private PbxHarness(AsteriskSimulator simulator, Instant epoch, AmiGateway gateway, Dialerd dialerd,
                       DataSource dataSource) {
        this.simulator = simulator;
        this.epoch = epoch;
        this.gateway = gateway;
        this.dialerd = dialerd;
        this.dataSource = dataSource;
    }

    public static PbxHarness start(String... scripts) {
        return start(scenario -> { }, null, false, scripts);
    }

    /**
     * With the metrics hooks wired everywhere (AMI included) and the HTTP health and metrics
     * listener on a free loopback port ({@link #httpPort()}).
     */
    public static PbxHarness startMonitored(String... scripts) {
        return start(scenario -> { }, null, true, scripts);
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
        return start(customiser, Objects.requireNonNull(dialer, "dialer"), false, scripts);
    }

    /** {@code dialer} null: no outbound dialer. {@code http}: metrics served over HTTP. */
    private static PbxHarness start(Consumer<Scenario> customiser, DialerSettings dialer, boolean http,
                                    String... scripts) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AsteriskSimulator simulator = simulator(customiser, epoch);
        DataSource dataSource = TestDatabases.fresh(scripts);
        return on(simulator, epoch, dataSource, org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()), dialer,
                http);
    }

    /**
     * dialerd on a database the test owns (to stop and start it): {@code persistence} is what
     * dialerd uses, {@code dataSource} what the test checks the rows with.
     */
    public static PbxHarness startOn(DataSource dataSource, org.dialerd.db.Persistence persistence) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return on(simulator(scenario -> { }, epoch), epoch, dataSource, persistence, null, false);
    }

    /**
     * As if dialerd's process had been killed (no shutdown: nothing flushed, no row closed, its
     * AMI connection gone) and started again on {@code persistence}, which names the same
     * journal directory; the PBX and its calls go on.
     */
    public PbxHarness crashAndRestart(org.dialerd.db.Persistence persistence) {
        dialerd.halt();
        gateway.close();
        return on(simulator, epoch, dataSource, persistence, null, false);
    }

    public Dialerd dialerd() {
        return dialerd;
    }

    private static AsteriskSimulator simulator(Consumer<Scenario> customiser, Instant epoch) {
        Scenario scenario = Scenario.recorded().epoch(epoch);
        DemoPbx.addCampaignContext(scenario);
        for (int agent = 9002; agent <= 9004; agent++) {
            scenario.agent(String.valueOf(agent), "Agent " + agent);
        }
        customiser.accept(scenario);
        return AsteriskSimulator.start(scenario, 0);
    }

    private static PbxHarness on(AsteriskSimulator simulator, Instant epoch, DataSource dataSource,
                                 org.dialerd.db.Persistence persistence, DialerSettings dialer, boolean http) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        DialerdMeters meters = new DialerdMeters();
        resources.push(meters);
        Monitoring monitoring = new Monitoring(meters, Optional.empty());
        if (http) {
            monitoring = monitoring.withHttp(HttpSettings.on(0), ConnectionCheck.over(dataSource));
        }
        AmiGateway gateway = new AmiGateway(AmiSettings.of("127.0.0.1", Scenario.DEFAULT_USER,
                Scenario.DEFAULT_SECRET).withPort(simulator.port()), monitoring.meters().ami());
        gateway.start();
        Awaits.until("AMI connected", Duration.ofSeconds(20), gateway::isConnected);
        DemoPbx.addStaticMembers(gateway);
        ExtensionDirectory template = ExtensionDirectory.template("Local/{ext}@agents");
        ExtensionDirectory extensions = ext -> ext.matches("10(0[1-9]|10)|2001|3001") ? template.dialString(ext)
                : Optional.empty();
        Dialerd.PbxSide side = new Dialerd.PbxSide(gateway, extensions, AgentEngineSettings.DEFAULTS);
        if (dialer != null) {
            side = side.withDialer(dialer);
        }
        Dialerd dialerd = Dialerd.over(persistence, EccpServerSettings.defaults().withPort(0),
                virtualClock(simulator, epoch), side, resources, monitoring);
        return new PbxHarness(simulator, epoch, gateway, dialerd, dataSource);
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

    /** The wall-clock instant of virtual time 0, for dialerd's clock (whole seconds). */
    public Instant epoch() {
        return epoch;
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

    public int httpPort() {
        return dialerd.httpPort().orElseThrow(() -> new IllegalStateException("started without HTTP"));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dialerd.close();
        gateway.close();
        simulator.close();
    }
}
