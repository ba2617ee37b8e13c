package org.dialerd.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dialerd.ami.AmiGateway;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.engine.AgentActivityLog;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.stats.CampaignProgress;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.AstdbMembershipSource;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.engine.EngineScheduler;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.settings.LiveSettings;
import org.dialerd.core.settings.SettingsDiff;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.spy.SpyControl;
import org.dialerd.core.store.Stores;
import org.dialerd.core.store.TakeoverScope;
import org.dialerd.core.journal.DeadLetters;
import org.dialerd.core.journal.IdAllocator;
import org.dialerd.core.journal.Journal;
import org.dialerd.core.journal.JournalApplier;
import org.dialerd.core.journal.JournalWrites;
import org.dialerd.db.Persistence;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.EventFanout;
import org.dialerd.eccp.server.LoginThrottle;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.eccp.server.ThrottledLogin;
import org.dialerd.http.HttpServer;
import org.dialerd.http.webhook.Webhooks;
import org.dialerd.http.metrics.DialerdMeters;
import org.dialerd.server.config.ConfigException;
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
    private static final Duration WRITE_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** How often what the web UI edits (queues, incoming campaigns, breaks) is re-read. */
    private static final Duration MONITORED_QUEUES_REFRESH = Duration.ofSeconds(60);
    /** dialerd_campaign_options / dialerd_queue_options edited in the web UI apply within this. */
    private static final Duration WRAPUP_TIMES_REFRESH = Duration.ofSeconds(10);

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

    /** What a run that did not stop cleanly left open, read once its journal is applied. */
    private record LeftOpen(java.util.List<org.dialerd.core.store.AuditStore.OpenRow> audits,
                            java.util.List<org.dialerd.core.store.OutgoingCallStore.UnfinishedCall> outgoing,
                            java.util.List<org.dialerd.core.store.IncomingCallStore.UnfinishedCall> incoming) {}

    private final EccpServer eccp;
    private final java.util.Optional<HttpServer> http;
    private final Services services;
    private final LiveSettings settings;
    private final SettingsReload reload;
    private final Deque<AutoCloseable> resources;
    private final Journal journal;
    private final JournalApplier applier;

    private Dialerd(EccpServer eccp, java.util.Optional<HttpServer> http, Services services, LiveSettings settings,
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

    /** How often the wallboard's campaign progress is read: one query per active campaign, for every reader. */
    static final Duration CAMPAIGN_PROGRESS_REFRESH = Duration.ofSeconds(5);

    private static CampaignProgress campaignProgress(Stores stores, Deque<AutoCloseable> resources) {
        CampaignProgress progress = new CampaignProgress(stores.outgoingCalls(), stores.campaignStatus());
        java.util.concurrent.ScheduledExecutorService refresh = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "dialerd-campaign-progress");
                    thread.setDaemon(true);
                    return thread;
                });
        resources.push(refresh::shutdownNow);
        refresh.scheduleWithFixedDelay(progress::refresh, 0, CAMPAIGN_PROGRESS_REFRESH.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return progress;
    }

    /** Starts everything the configuration describes. */
    public static Dialerd start(DialerdConfig config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DialerdMeters meters = new DialerdMeters();
            resources.push(meters);
            DatabaseStartup.Opened database = DatabaseStartup.open(config, resources);
            DaemonSettings daemonSettings = DaemonSettingsReader.read(database.persistence().stores());
            PbxSide pbx;
            if (config.demo()) {
                pbx = DemoPbx.start(resources, meters.ami());
            } else {
                FreepbxStartup.Agents agents = FreepbxStartup.open(config, database, resources);
                pbx = new PbxSide(PbxStartup.connect(config, daemonSettings, resources, meters.ami()), agents.extensions(),
                        agentSettings(config.agents().staticMemberInterface(), config.ami().resyncInterval()),
                        agents.membershipFromAstdb(),
                        java.util.Optional.of(DialerSettings.followingEntretiempo(config.dialTemplate(),
                                uniqueIdPrefix())));
            }
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
     * one); queue ages and health times are real time.
     */
    public static Dialerd over(Persistence persistence, EccpServerSettings eccpSettings, Clock clock, PbxSide pbx,
                               Deque<AutoCloseable> resources, Monitoring monitoring) {
        Stores stores = persistence.stores();
        // Read once now, then checked every 500 ms on a thread of its own (web UI edits show within 1 s).
        persistence.reference().refresh();
        resources.push(org.dialerd.core.store.reference.ReferenceRefresh.start(persistence.reference(),
                org.dialerd.core.store.reference.ReferenceRefresh.DEFAULT_INTERVAL));
        // The database-backed answers in memory: dialerd's writes invalidate them at once, everyone
        // else's through this check every 500 ms (AnswerCache).
        resources.push(org.dialerd.core.store.answers.AnswerRefresh.start(persistence.answers(),
                persistence.changes(), org.dialerd.core.store.answers.AnswerCache.CHECK_INTERVAL));
        DaemonSettings daemonSettings = DaemonSettingsReader.read(stores);
        log.info("{}", daemonSettings);
        LiveSettings live = new LiveSettings(daemonSettings);
        SettingsReload reload = new SettingsReload(stores.settings(), live, appliers(pbx.pbx()));
        reload.apply(daemonSettings);
        AgentDirectory agents = new AgentDirectory();
        agents.replaceAll(stores.agents().findAll());
        log.info("{} agents loaded", agents.size());
        // Read once now so pauseagent works from the remembered rows if the database goes away.
        log.info("{} breaks loaded", stores.breaks().findByTipo('B').size());

        Clock realTime = Clock.systemUTC();
        Journal journal = Journal.open(persistence.journal(), clock);
        resources.push(journal);
        journal.continueAfter(persistence.journalTarget().lastApplied(journal.hostId()));
        JournalApplier applier = new JournalApplier(journal, persistence.journalTarget(),
                new DeadLetters(persistence.journal().dir()), Duration.ofMillis(100), Duration.ofSeconds(5)).start();
        resources.push(() -> {
            if (!applier.drain(WRITE_DRAIN_TIMEOUT)) {
                log.warn("{} journal records not yet in the database at stop; they are applied at the next start",
                        journal.pending());
            }
            applier.close();
        });
        // What a run that did not stop cleanly left open (audit rows, calls) is not closed here,
        // as the reference does: the engine takes it over below, continuing what Asterisk still
        // has and ending the rest at the first resync. The replayed records are applied first.
        journal.takeRecovered(); // not needed: the database has them once replayed
        java.util.concurrent.ExecutorService idRefill = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "dialerd-id-blocks");
            thread.setDaemon(true);
            return thread;
        });
        resources.push(idRefill::shutdownNow);
        IdAllocator ids = new IdAllocator(persistence.idBlocks(), persistence.idBlock(), idRefill, journal::append)
                .start();
        JournalWrites writes = new JournalWrites(journal, ids);
        resources.push(writes);
        AgentEngine engine = new AgentEngine(pbx.pbx(), stores.incomingCalls(), writes,
                EngineScheduler.singleThread("dialerd-engine"), clock, pbx.agents());
        engine.reportTo(monitoring.meters().engine());
        engine.addListener(new AgentActivityLog(engine));
        LiveStats liveStats = new LiveStats(clock, monitoring.serviceLevels());
        engine.addListener(liveStats);
        engine.track(agents.all()).join();
        // Left open by a run that did not stop cleanly: continued or ended once Asterisk says what it has.
        // Only this host's rows: other hosts on the same database follow theirs.
        writes.readAfterWrites("rows and calls left open", () -> {
            TakeoverScope scope = TakeoverScopes.decide(journal.hostId(), persistence);
            return new LeftOpen(stores.audit().openRows(scope), stores.outgoingCalls().unfinishedCalls(scope),
                    stores.incomingCalls().unfinishedCalls(scope));
        })
                .thenCompose(open -> engine.inheritFromPreviousRun(open.audits(), open.outgoing(), open.incoming()))
                .join();
        // One read of dialerd_campaign_options for the dialer, the safe harbour, the abandon targets
        // and the wrap-up times: read again when the answer cache's change check sees the table move.
        CampaignOptionsCache campaignOptions = new CampaignOptionsCache(stores.outgoingCalls());
        campaignOptions.refresh();
        persistence.answers().follow(campaignOptions::checked);
        AbandonCounter abandons = AbandonStartup.start(stores.outgoingCalls(), campaignOptions, writes, clock);
        engine.addListener(abandons); // after its rebuild, before Asterisk's first event
        monitoring.meters().watch(abandons);
        engine.followBreaks(stores.breaks(), MONITORED_QUEUES_REFRESH);
        // Before AMI starts: the first resync continues a wrap-up a killed run began by its break.
        engine.followWrapups(stores.outgoingCalls(), stores.breaks(), WRAPUP_TIMES_REFRESH, campaignOptions).join();
        resources.push(() -> engine.closeAllAudits().get(WRITE_DRAIN_TIMEOUT.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS));

        engine.monitorIncomingQueues(stores.incomingCalls(), MONITORED_QUEUES_REFRESH);
        engine.recordCalls();
        pbx.dialer().ifPresent(dialer -> engine.startOutboundDialer(stores.outgoingCalls(), live, dialer,
                campaignOptions));
        pbx.dialer().ifPresent(dialer -> engine.startClickToCall(new org.dialerd.db.store.JdbcClickToCallStore(
                new org.dialerd.db.store.Jdbc(persistence.requests(), persistence.answers()::invalidateAll)), live, dialer));
        pbx.pbx().start(); // once the engine and its trackers listen: they see the first Connected and resync
        if (pbx.pbx().isConnected()) {
            engine.resync(); // a gateway someone else started (tests) may be connected already
        }
        if (!pbx.agents().resyncInterval().isZero()) {
            resources.push(engine.resyncEvery(pbx.agents().resyncInterval())::cancel);
        }
        SessionRegistry sessions = new SessionRegistry(eccpSettings.maxOutboundBytes(), monitoring.meters().eccp());
        if (!monitoring.webhooks().endpoints().isEmpty()) {
            Webhooks webhooks = new Webhooks(monitoring.webhooks(), monitoring.meters().webhooks(), realTime);
            resources.push(webhooks); // pushed first, closed last: after the fan-out that feeds it
            sessions.addTap(webhooks);
        }
        EventFanout fanout = new EventFanout(sessions, stores.calls());
        resources.push(fanout);
        engine.addListener(fanout);
        MembershipSource memberships = pbx.membershipFromAstdb()
                ? new AstdbMembershipSource(pbx.pbx(), pbx.agents().actionTimeout())
                : agent -> stores.reports().queueMemberships(List.of(agent.id())).stream()
                        .map(m -> new MembershipSource.Membership(m.queue(), m.penalty()))
                        .toList();
        SpyControl spies = new SpyControl(pbx.pbx(), writes, clock, engine::announce, spyIdPrefix(),
                SpyControl.DEFAULT_RING_TIMEOUT);
        Services services = Services.builder(stores, agents, pbx.pbx(), clock, cookieSource()).engine(engine)
                .extensions(pbx.extensions()).memberships(memberships).spies(spies).abandons(abandons).stats(liveStats)
                .build();
        LoginThrottle logins = new LoginThrottle(eccpSettings.loginThrottle(), clock);
        Dispatcher dispatcher = new Dispatcher(ThrottledLogin.around(Handlers.all(), logins), services,
                max -> awaitApplied(applier, persistence, max), monitoring.meters().eccp(),
                new MemoryAnswers(persistence.reference(), persistence.answers(), journal::pending));
        EccpServer server = new EccpServer(eccpSettings, dispatcher, sessions).start();
        resources.push(server);
        java.util.Optional<HttpServer> http = monitoring.http().map(settings -> HttpStartup.start(monitoring,
                settings, realTime, pbx.pbx(), journal, engine, server, sessions,
                new HttpStartup.Api(dispatcher, fanout, agents, eccpSettings.allowedClients(), liveStats,
                        campaignProgress(stores, resources), abandons)));
        http.ifPresent(resources::push);
        return new Dialerd(server, http, services, live, reload, resources, journal, applier);
    }

    /** What a reload applies besides the settings object: log levels, the AMI session limit. */
    private static List<Consumer<DaemonSettings>> appliers(PbxGateway pbx) {
        List<Consumer<DaemonSettings>> appliers = new ArrayList<>();
        appliers.add(LogLevels.configured()::apply);
        if (pbx instanceof AmiGateway ami) {
            appliers.add(s -> ami.renewSessionsEvery(s.amiSessionDuration()));
        }
        return appliers;
    }

    /** Waits for the journal's backlog unless the database is known to be away (then the request fails fast). */
    private static void awaitApplied(JournalApplier applier, Persistence persistence, Duration max) {
        if (applier.paused() || !persistence.requests().available()) {
            return;
        }
        // Not drained in time: read what the database has now; the request reports an unavailable database.
        applier.drain(max);
    }

    /** Uniqueids dialerd gives its calls: unique across restarts, short enough for the 32-char columns. */
    static String uniqueIdPrefix() {
        return "dialerd-" + (System.currentTimeMillis() / 1000);
    }

    /**
     * The spy channels' uniqueids ({@code dialerd_supervisor_audit.spy_id}): the start second and
     * four random letters, so two hosts started in the same second on one PBX and database
     * choose different ids.
     */
    static String spyIdPrefix() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder tag = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        return uniqueIdPrefix() + tag;
    }

    static AgentEngineSettings agentSettings(String staticMemberInterface, Duration resyncInterval) {
        AgentEngineSettings d = AgentEngineSettings.DEFAULTS;
        return new AgentEngineSettings(staticMemberInterface, d.staticStateInterface(), d.loginTimeout(),
                d.actionTimeout(), resyncInterval);
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

    /** The plain ECCP port; fails when it is off. */
    public int eccpPort() {
        return eccp.port();
    }

    /** The HTTP listener's bound port, when it runs. */
    public java.util.OptionalInt httpPort() {
        return http.map(server -> java.util.OptionalInt.of(server.port())).orElse(java.util.OptionalInt.empty());
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
