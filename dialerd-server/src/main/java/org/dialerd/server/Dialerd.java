package org.dialerd.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.AstdbMembershipSource;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.engine.EngineScheduler;
import org.dialerd.core.engine.WriteQueue;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.EventFanout;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dialerd: database, Asterisk connection, agent engine, ECCP listener. Started in
 * dependency order, closed in reverse order (ECCP first, then open audit rows are closed and
 * the write queue drains, then AMI, then the database), each step bounded by its own timeout.
 */
public final class Dialerd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dialerd.class);
    private static final Duration WRITE_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** How often what the web UI edits (queues, incoming campaigns, breaks) is re-read. */
    private static final Duration MONITORED_QUEUES_REFRESH = Duration.ofSeconds(60);

    /**
     * What the engine needs besides the stores.
     *
     * @param membershipFromAstdb dynamic agents' queues from astdb QPENALTY (else dialerd_queue_member)
     */
    public record PbxSide(PbxGateway pbx, ExtensionDirectory extensions, AgentEngineSettings agents,
                          boolean membershipFromAstdb, java.util.Optional<DialerSettings> dialer) {
        public PbxSide(PbxGateway pbx, ExtensionDirectory extensions, AgentEngineSettings agents) {
            this(pbx, extensions, agents, false, java.util.Optional.empty());
        }

        public PbxSide withDialer(DialerSettings settings) {
            return new PbxSide(pbx, extensions, agents, membershipFromAstdb, java.util.Optional.of(settings));
        }
    }

    private final EccpServer eccp;
    private final Services services;
    private final DaemonSettings settings;
    private final Deque<AutoCloseable> resources;

    private Dialerd(EccpServer eccp, Services services, DaemonSettings settings, Deque<AutoCloseable> resources) {
        this.eccp = eccp;
        this.services = services;
        this.settings = settings;
        this.resources = resources;
    }

    /** Starts everything the configuration describes. */
    public static Dialerd start(DialerdConfig config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DatabaseStartup.Opened database = DatabaseStartup.open(config, resources);
            DaemonSettings daemonSettings = DaemonSettingsReader.read(database.stores());
            PbxSide pbx = config.demo() ? DemoPbx.start(resources)
                    : new PbxSide(PbxStartup.connect(config, daemonSettings, resources),
                            config.agents().devicesTable().map(database.devicesTable())
                                    .orElseGet(() -> ExtensionDirectory.template(config.agents().dialTemplate())),
                            agentSettings(config.agents().staticMemberInterface()),
                            config.agents().membershipFromAstdb(), java.util.Optional.of(new DialerSettings(
                                    config.dialTemplate(), DialerSettings.DEFAULT_INTERVAL, uniqueIdPrefix())));
            Dialerd dialerd = over(database.stores(), config.eccp(), Clock.systemDefaultZone(), pbx, resources);
            log.info("dialerd started ({}), ECCP on {}:{}", config.demo() ? "demo" : "configured",
                    config.eccp().bindAddress(), dialerd.eccpPort());
            return dialerd;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Without Asterisk (tests of database-backed requests). */
    public static Dialerd over(Stores stores, EccpServerSettings eccpSettings, Clock clock, PbxGateway pbx,
                               Deque<AutoCloseable> resources) {
        return over(stores, eccpSettings, clock,
                new PbxSide(pbx, ExtensionDirectory.template("SIP/{ext}"), AgentEngineSettings.DEFAULTS), resources);
    }

    /**
     * Starts the engine and the ECCP listener over stores someone else opened (tests use this
     * with a fixed clock). Resources are closed, last first, when dialerd closes.
     */
    public static Dialerd over(Stores stores, EccpServerSettings eccpSettings, Clock clock, PbxSide pbx,
                               Deque<AutoCloseable> resources) {
        DaemonSettings daemonSettings = DaemonSettingsReader.read(stores);
        log.info("{}", daemonSettings);
        AgentDirectory agents = new AgentDirectory();
        agents.replaceAll(stores.agents().findAll());
        log.info("{} agents loaded", agents.size());

        WriteQueue writes = new WriteQueue("dialerd-writes", Duration.ofMillis(100), Duration.ofSeconds(10));
        resources.push(() -> writes.close(WRITE_DRAIN_TIMEOUT));
        AgentEngine engine = new AgentEngine(pbx.pbx(), stores.audit(), stores.incomingCalls(),
                Duration.ofSeconds(daemonSettings.shortCallSeconds()), writes,
                EngineScheduler.singleThread("dialerd-engine"), clock, pbx.agents());
        engine.track(agents.all()).join();
        // Left open by a run that did not stop cleanly: continued or ended once Asterisk says what it has.
        engine.inheritFromPreviousRun(stores.audit().openRows(), stores.outgoingCalls().unfinishedCalls(),
                stores.incomingCalls().unfinishedCalls()).join();
        engine.followBreaks(stores.breaks(), MONITORED_QUEUES_REFRESH);
        resources.push(() -> engine.closeAllAudits().get(WRITE_DRAIN_TIMEOUT.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS));

        engine.monitorIncomingQueues(stores.incomingCalls(), MONITORED_QUEUES_REFRESH);
        engine.recordCallsTo(stores.recordings());
        pbx.dialer().ifPresent(dialer -> engine.startOutboundDialer(stores.outgoingCalls(), daemonSettings, dialer));
        pbx.pbx().start(); // once the engine and its trackers listen: they see the first Connected and resync
        if (pbx.pbx().isConnected()) {
            engine.resync(); // a gateway someone else started (tests) may be connected already
        }
        SessionRegistry sessions = new SessionRegistry(eccpSettings.maxOutboundBytes());
        EventFanout fanout = new EventFanout(sessions, stores.calls());
        resources.push(fanout);
        engine.addListener(fanout);
        MembershipSource memberships = pbx.membershipFromAstdb()
                ? new AstdbMembershipSource(pbx.pbx(), pbx.agents().actionTimeout())
                : agent -> stores.reports().queueMemberships(List.of(agent.id())).stream()
                        .map(m -> new MembershipSource.Membership(m.queue(), m.penalty()))
                        .toList();
        Services services = new Services(stores, agents, pbx.pbx(), clock, cookieSource(), engine, pbx.extensions(),
                memberships);
        EccpServer server = new EccpServer(eccpSettings, new Dispatcher(Handlers.all(), services), sessions).start();
        resources.push(server);
        return new Dialerd(server, services, daemonSettings, resources);
    }

    /** Uniqueids dialerd gives its calls: unique across restarts, short enough for the 32-char columns. */
    static String uniqueIdPrefix() {
        return "dialerd-" + (System.currentTimeMillis() / 1000);
    }

    static AgentEngineSettings agentSettings(String staticMemberInterface) {
        AgentEngineSettings d = AgentEngineSettings.DEFAULTS;
        return new AgentEngineSettings(staticMemberInterface, d.staticStateInterface(), d.loginTimeout(),
                d.actionTimeout());
    }

    private static Supplier<String> cookieSource() {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return hex.formatHex(bytes);
        };
    }

    public int eccpPort() {
        return eccp.port();
    }

    /** The valor_config settings read at start. */
    public DaemonSettings settings() {
        return settings;
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        log.info("dialerd stopping");
        closeAll(resources);
        log.info("dialerd stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed", resource, e);
            }
        }
    }
}
