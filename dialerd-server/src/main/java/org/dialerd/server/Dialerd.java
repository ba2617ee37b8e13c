package org.dialerd.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.journal.Journal;
import org.dialerd.core.journal.JournalApplier;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.settings.LiveSettings;
import org.dialerd.core.settings.SettingsDiff;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.Stores;
import org.dialerd.core.store.answers.AnswerCache;
import org.dialerd.core.store.answers.AnswerRefresh;
import org.dialerd.core.store.reference.ReferenceRefresh;
import org.dialerd.db.Persistence;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.Services;
import org.dialerd.http.HttpServer;
import org.dialerd.http.metrics.DialerdMeters;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dialerd: database, Asterisk connection, agent engine, ECCP listener, and the HTTP
 * health and metrics listener when configured. Started in dependency order, closed in reverse
 * order (HTTP and ECCP first, then open audit rows are closed and the journal drains into the
 * database, then AMI, then the database), each step bounded by its own timeout. Writes go
 * through the durable journal: what the database has not taken at stop (or at a crash) is
 * replayed at the next start.
 */
public final class Dialerd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dialerd.class);

    /**
     * What the engine needs besides the stores.
     *
     * @param membershipFromAstdb dynamic agents' queues from astdb QPENALTY (else dialerd_queue_member)
     */
    public record PbxSide(PbxGateway pbx, ExtensionDirectory extensions, AgentEngineSettings agents,
                          boolean membershipFromAstdb, Optional<DialerSettings> dialer) {
        public PbxSide(PbxGateway pbx, ExtensionDirectory extensions, AgentEngineSettings agents) {
            this(pbx, extensions, agents, false, Optional.empty());
        }

        public PbxSide withDialer(DialerSettings settings) {
            return new PbxSide(pbx, extensions, agents, membershipFromAstdb, Optional.of(settings));
        }
    }

    private final EccpServer eccp;
    private final Optional<HttpServer> http;
    private final Services services;
    private final LiveSettings settings;
    private final SettingsReload reload;
    private final Deque<AutoCloseable> resources;
    private final Journal journal;
    private final JournalApplier applier;

    private Dialerd(EccpServer eccp, Optional<HttpServer> http, Services services, LiveSettings settings,
                    SettingsReload reload, Deque<AutoCloseable> resources, Journal journal, JournalApplier applier) {
        this.eccp = eccp;
        this.http = http;
        this.services = services;
        this.settings = settings;
        this.reload = reload;
        this.resources = resources;
        this.journal = journal;
        this.applier = applier;
    }

    /** Starts everything the configuration describes. */
    public static Dialerd start(DialerdConfig config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DialerdMeters meters = new DialerdMeters();
            resources.push(meters);
            DatabaseStartup.Opened database = DatabaseStartup.open(config, resources);
            DaemonSettings daemonSettings = DaemonSettingsReader.read(database.persistence().stores());
            PbxSide pbx = config.demo() ? DemoPbx.start(resources, meters.ami())
                    : ConfiguredPbx.start(config, database, daemonSettings, resources, meters.ami());
            Monitoring monitoring = new Monitoring(meters, config.http()
                    .map(settings -> new Monitoring.Http(settings, database.reachable())), config.webhooks(),
                    config.serviceLevels());
            Dialerd dialerd = over(database.persistence(), config.eccp(), Clock.systemDefaultZone(), pbx, resources,
                    monitoring);
            log.info("dialerd started ({})", config.demo() ? "demo" : "configured");
            return dialerd;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Without Asterisk (tests of database-backed requests). */
    public static Dialerd over(Persistence persistence, EccpServerSettings eccpSettings, Clock clock, PbxGateway pbx,
                               Deque<AutoCloseable> resources) {
        return over(persistence, eccpSettings, clock,
                new PbxSide(pbx, ExtensionDirectory.template("SIP/{ext}"), AgentEngineSettings.DEFAULTS), resources);
    }

    /**
     * Starts the engine and the ECCP listener over stores someone else opened (tests use this
     * with a fixed clock). Resources are closed, last first, when dialerd closes.
     */
    public static Dialerd over(Persistence persistence, EccpServerSettings eccpSettings, Clock clock, PbxSide pbx,
                               Deque<AutoCloseable> resources) {
        Monitoring monitoring = Monitoring.countingOnly();
        resources.push(monitoring.meters());
        return over(persistence, eccpSettings, clock, pbx, resources, monitoring);
    }

    /**
     * As above, counting into {@code monitoring}'s meters and, when it says so, serving health
     * and metrics over HTTP. {@code clock} is the calls' and audits' time (tests pass a virtual
     * one); queue ages and health times are real time. The steps: reference data and answers
     * (read now, then followed), valor_config, the agents, the journal
     * ({@link JournalStartup}), the engine and the PBX ({@link EngineStartup}), ECCP
     * ({@link EccpStartup}), HTTP ({@link HttpStartup}).
     */
    public static Dialerd over(Persistence persistence, EccpServerSettings eccpSettings, Clock clock, PbxSide pbx,
                               Deque<AutoCloseable> resources, Monitoring monitoring) {
        Stores stores = persistence.stores();
        // Read once now, then checked every 500 ms on a thread of its own (web UI edits show within 1 s).
        persistence.reference().refresh();
        resources.push(ReferenceRefresh.start(persistence.reference(), ReferenceRefresh.DEFAULT_INTERVAL));
        // The database-backed answers in memory: dialerd's writes invalidate them at once, everyone
        // else's through this check every 500 ms (AnswerCache).
        resources.push(AnswerRefresh.start(persistence.answers(), persistence.changes(), AnswerCache.CHECK_INTERVAL));
        DaemonSettings daemonSettings = DaemonSettingsReader.read(stores);
        log.info("{}", daemonSettings);
        LiveSettings live = new LiveSettings(daemonSettings);
        SettingsReload reload = SettingsReload.over(stores.settings(), live, pbx.pbx());
        reload.apply(daemonSettings);
        AgentDirectory agents = new AgentDirectory();
        agents.replaceAll(stores.agents().findAll());
        log.info("{} agents loaded", agents.size());
        // Read once now so pauseagent works from the remembered rows if the database goes away.
        log.info("{} breaks loaded", stores.breaks().findByTipo('B').size());

        Clock realTime = Clock.systemUTC();
        JournalStartup.Writes writes = JournalStartup.open(persistence, clock, resources);
        EngineStartup.Engine engine = EngineStartup.start(persistence, pbx, writes, clock, monitoring, agents, live,
                resources);
        EccpStartup.Eccp eccp = EccpStartup.start(persistence, eccpSettings, clock, realTime, pbx, writes, engine,
                agents, monitoring, resources);
        Optional<HttpServer> http = HttpStartup.startIfConfigured(monitoring, realTime, pbx.pbx(), writes.journal(),
                engine, eccp, agents, eccpSettings.allowedClients(), stores, resources);
        return new Dialerd(eccp.server(), http, eccp.services(), live, reload, resources, writes.journal(),
                writes.applier());
    }

    /** The plain ECCP port; fails when it is off. */
    public int eccpPort() {
        return eccp.port();
    }

    /** The HTTP listener's bound port, when it runs. */
    public OptionalInt httpPort() {
        return http.map(server -> OptionalInt.of(server.port())).orElse(OptionalInt.empty());
    }

    /** The ECCP-over-TLS port; fails when TLS is not configured. */
    public int eccpTlsPort() {
        return eccp.tlsPort();
    }

    /** The valor_config settings in force (read at start, replaced by each reload). */
    public DaemonSettings settings() {
        return settings.get();
    }

    /**
     * Reads valor_config again and applies it to the running engine and dialer (what SIGHUP
     * does); each changed key is logged, the AMI login ones as needing a restart.
     */
    public List<SettingsDiff.Change> reload() {
        return reload.reload();
    }

    public Services services() {
        return services;
    }

    /** The write journal: its {@code pending()} and {@code oldestPendingAge()} are the write backlog. */
    public Journal journal() {
        return journal;
    }

    public JournalApplier applier() {
        return applier;
    }

    /**
     * Stops as a killed process would, for crash tests: the journal stops where it is (records
     * not yet on disk are lost), nothing more reaches the database, the ECCP port closes; no
     * audit row is closed and nothing drains. A new dialerd on the same journal directory
     * replays what this one left.
     */
    public void halt() {
        log.warn("dialerd halted without its shutdown (crash test)");
        journal.abandon();
        applier.close();
        eccp.close();
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
