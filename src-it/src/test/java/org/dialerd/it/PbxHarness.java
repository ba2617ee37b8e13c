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
    /** The outbound dialer's uniqueid prefix in these tests (ECCP call ids of campaign calls). */
    public static final String DIALER_UNIQUEID_PREFIX = "dialerd-t";

    private final AsteriskSimulator simulator;
    private final DataSource dataSource;
    /** The wall-clock instant the simulator's virtual time 0 stands for. */
    private final Instant epoch;
    private final AmiSettings ami;
    private final DialerSettings dialer;
    private final boolean http;
    /** Where dialerd posts its events (none unless a test asks: {@link #startWithWebhooks}). */
    private org.dialerd.http.webhook.WebhookSettings webhooks = org.dialerd.http.webhook.WebhookSettings.of(
            java.util.List.of());
    private org.dialerd.db.Persistence persistence;
    /** The engine's periodic resync (real time); the production default unless a test sets it. */
    private Duration resyncInterval = AgentEngineSettings.DEFAULT_RESYNC_INTERVAL;
    private AmiGateway gateway;
    private Dialerd dialerd;

    private PbxHarness(AsteriskSimulator simulator, DataSource dataSource, Instant epoch, AmiSettings ami,
                       DialerSettings dialer, boolean http, org.dialerd.db.Persistence persistence) {
        this.simulator = simulator;
        this.dataSource = dataSource;
        this.epoch = epoch;
        this.ami = ami;
        this.dialer = dialer;
        this.http = http;
        this.persistence = persistence;
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

    /** The outbound dialer of {@link #startWithDialer(String...)} and the HTTP listener (API, consoles). */
    public static PbxHarness startMonitoredWithDialer(String... scripts) {
        return start(settings -> settings, scenario -> { }, new DialerSettings(DemoPbx.CUSTOMER_TEMPLATE,
                Duration.ofMillis(200), DIALER_UNIQUEID_PREFIX), true, scripts);
    }

    /** The outbound dialer as {@code dialer} says on a PBX {@code customiser} adds to, and the HTTP listener. */
    public static PbxHarness startMonitoredWithDialer(Consumer<Scenario> customiser, DialerSettings dialer,
                                                      String... scripts) {
        return start(settings -> settings, customiser, Objects.requireNonNull(dialer, "dialer"), true, scripts);
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

    /**
     * Monitored (HTTP metrics on), with the engine's periodic resync every {@code interval} of
     * real time and the AMI settings adjusted by {@code ami}.
     */
    public static PbxHarness startResyncingEvery(Duration interval, UnaryOperator<AmiSettings> ami,
                                                 String... scripts) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AsteriskSimulator simulator = simulator(scenario -> { }, epoch);
        DataSource dataSource = TestDatabases.fresh(scripts);
        PbxHarness harness = new PbxHarness(simulator, dataSource, epoch, ami.apply(amiOf(simulator)), null, true,
                org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()));
        harness.resyncInterval = interval;
        harness.startFirst();
        return harness;
    }

    /** {@code dialer} null: no outbound dialer. {@code http}: metrics served over HTTP. */
    private static PbxHarness start(Consumer<Scenario> customiser, DialerSettings dialer, boolean http,
                                    String... scripts) {
        return start(settings -> settings, customiser, dialer, http, scripts);
    }

    /** Monitored (HTTP on a free port), posting events to these webhook endpoints. */
    public static PbxHarness startWithWebhooks(org.dialerd.http.webhook.WebhookSettings webhooks, String... scripts) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AsteriskSimulator simulator = simulator(scenario -> { }, epoch);
        DataSource dataSource = TestDatabases.fresh(scripts);
        PbxHarness harness = new PbxHarness(simulator, dataSource, epoch, amiOf(simulator), null, true,
                org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()));
        harness.webhooks = webhooks;
        harness.startFirst();
        return harness;
    }

    /** As above, with the AMI settings (timeouts, ping) adjusted by {@code ami}; no HTTP. */
    public static PbxHarness start(UnaryOperator<AmiSettings> ami, Consumer<Scenario> customiser,
                                   DialerSettings dialer, String... scripts) {
        return start(ami, customiser, dialer, false, scripts);
    }

    private static PbxHarness start(UnaryOperator<AmiSettings> ami, Consumer<Scenario> customiser,
                                    DialerSettings dialer, boolean http, String... scripts) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AsteriskSimulator simulator = simulator(customiser, epoch);
        DataSource dataSource = TestDatabases.fresh(scripts);
        PbxHarness harness = new PbxHarness(simulator, dataSource, epoch, ami.apply(amiOf(simulator)), dialer, http,
                org.dialerd.db.Persistence.over(dataSource, TestJournals.fresh()));
        harness.startFirst();
        return harness;
    }

    /**
     * dialerd on a database the test owns (to stop and start it): {@code persistence} is what
     * dialerd uses, {@code dataSource} what the test checks the rows with.
     */
    public static PbxHarness startOn(DataSource dataSource, org.dialerd.db.Persistence persistence) {
        Instant epoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AsteriskSimulator simulator = simulator(scenario -> { }, epoch);
        PbxHarness harness = new PbxHarness(simulator, dataSource, epoch, amiOf(simulator), null, false,
                persistence);
        harness.startFirst();
        return harness;
    }

    /**
     * As if dialerd's process had been killed (no shutdown: nothing flushed, no row closed, its
     * AMI connection gone) and started again on {@code persistence}, which names the same
     * journal directory; the PBX and its calls go on.
     */
    public PbxHarness crashAndRestart(org.dialerd.db.Persistence persistence) {
        killDialerd();
        PbxHarness next = new PbxHarness(simulator, dataSource, epoch, ami, dialer, http, persistence);
        next.startDialerd();
        return next;
    }

    /**
     * dialerd dies without shutting down (kill -9): its journal stops where it is, its AMI
     * connection and ECCP listener are gone, nothing is closed in the database.
     */
    public void killDialerd() {
        dialerd.halt();
        gateway.close();
        dialerd = null;
    }

    /**
     * A new dialerd on the same database, journal directory and PBX, as a restarted process:
     * its gateway starts once the engine listens.
     */
    public void startDialerd() {
        persistence = org.dialerd.db.Persistence.over(dataSource, persistence.journal());
        launch(false);
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

    private static AmiSettings amiOf(AsteriskSimulator simulator) {
        return AmiSettings.of("127.0.0.1", Scenario.DEFAULT_USER, Scenario.DEFAULT_SECRET).withPort(simulator.port());
    }

    /** The first start: the static agents are put in their queues before dialerd looks. */
    private void startFirst() {
        launch(true);
    }

    /**
     * A dialerd and its own gateway, counting into its own meters. The gateway, like
     * queues.conf, puts the static agents back in their queues after every (re)connection.
     * {@code connectFirst}: connected before dialerd starts (a fresh PBX gets its static members
     * first); otherwise dialerd starts it once the engine listens.
     */
    private void launch(boolean connectFirst) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        DialerdMeters meters = new DialerdMeters();
        resources.push(meters);
        Monitoring monitoring = new Monitoring(meters, Optional.empty(), webhooks);
        if (http) {
            monitoring = monitoring.withHttp(HttpSettings.on(0), ConnectionCheck.over(dataSource));
        }
        AmiGateway g = new AmiGateway(ami, monitoring.meters().ami());
        g.addListener(event -> {
            if (event instanceof org.dialerd.core.pbx.PbxEvent.Connected && dialerd != null) {
                DemoPbx.addStaticMembers(g);
            }
        });
        gateway = g;
        if (connectFirst) {
            g.start();
            Awaits.until("AMI connected", Duration.ofSeconds(20), g::isConnected);
            DemoPbx.addStaticMembers(g);
        }
        ExtensionDirectory template = ExtensionDirectory.template("Local/{ext}@agents");
        ExtensionDirectory extensions = ext -> ext.matches("10(0[1-9]|10)|2001|3001") ? template.dialString(ext)
                : Optional.empty();
        Dialerd.PbxSide side = new Dialerd.PbxSide(gateway, extensions,
                AgentEngineSettings.DEFAULTS.withResyncInterval(resyncInterval));
        if (dialer != null) {
            side = side.withDialer(dialer);
        }
        dialerd = Dialerd.over(persistence, EccpServerSettings.defaults().withPort(0),
                virtualClock(simulator, epoch), side, resources, monitoring);
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

    /** What dialerd runs on: its stores, reference tables and answer cache (their checks). */
    public org.dialerd.db.Persistence persistence() {
        return persistence;
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
