package org.dialerd.server;

import java.time.Clock;
import java.time.Duration;
import org.dialerd.core.DaemonThreads;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.journal.WriteBacklog;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.SessionRegistry;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.store.Stores;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EventFanout;
import org.dialerd.http.DaemonProbes;
import org.dialerd.http.api.ApiResponses;
import org.dialerd.http.api.EccpBridge;
import org.dialerd.http.api.EventSocket;
import org.dialerd.http.api.StatsEndpoints;
import org.dialerd.core.stats.CampaignProgress;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.http.api.OpenApi;
import org.dialerd.http.api.Tokens;
import org.dialerd.http.api.WebApi;
import org.dialerd.http.HttpServer;
import org.dialerd.http.Router;
import org.dialerd.http.health.CachedCheck;
import org.dialerd.http.health.HealthHandler;
import org.dialerd.http.health.PbxConnectionWatch;
import org.dialerd.http.metrics.MetricsHandler;
import org.dialerd.http.web.StaticFiles;

/**
 * Starts the HTTP listener once everything it reports on runs: /health and /metrics over the
 * daemon's state, the JSON API over the ECCP dispatcher, the event socket over the ECCP fan-out.
 */
final class HttpStartup {
    /** How long a database check answers /health and the database gauge before it is run again. */
    static final Duration DATABASE_CHECK_MAX_AGE = Duration.ofSeconds(1);

    private HttpStartup() {
    }

    /** What the web API answers with: the ECCP dispatcher and event fan-out, the tracked agents, the allowlist. */
    record Api(Dispatcher dispatcher, EventFanout fanout, AgentDirectory agents, Set<String> allowedClients,
               LiveStats stats, CampaignProgress progress, org.dialerd.core.stats.AbandonRates abandons) {}

    /** How often the wallboard's campaign progress is read: one query per active campaign, for every reader. */
    static final Duration CAMPAIGN_PROGRESS_REFRESH = Duration.ofSeconds(5);

    /**
     * Starts the listener when {@code monitoring} asks for one, over the started engine and ECCP
     * side; {@code clock} is real time (queue ages, health, tokens).
     */
    static Optional<HttpServer> startIfConfigured(Monitoring monitoring, Clock clock, PbxGateway pbx,
                                                  WriteBacklog writes, EngineStartup.Engine engine,
                                                  EccpStartup.Eccp eccp, AgentDirectory agents,
                                                  Set<String> allowedClients, Stores stores,
                                                  Deque<AutoCloseable> resources) {
        Optional<HttpServer> http = monitoring.http().map(settings -> start(monitoring, settings, clock, pbx,
                writes, engine.engine(), eccp.server(), eccp.sessions(),
                new Api(eccp.dispatcher(), eccp.fanout(), agents, allowedClients, engine.liveStats(),
                        campaignProgress(stores, resources), engine.abandons())));
        http.ifPresent(resources::push);
        return http;
    }

    /** The wallboard's campaign progress, read again every {@link #CAMPAIGN_PROGRESS_REFRESH} on a thread of its own. */
    private static CampaignProgress campaignProgress(Stores stores, Deque<AutoCloseable> resources) {
        CampaignProgress progress = new CampaignProgress(stores.outgoingCalls(), stores.campaignStatus());
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("dialerd-campaign-progress"));
        resources.push(refresh::shutdownNow);
        refresh.scheduleWithFixedDelay(progress::refresh, 0, CAMPAIGN_PROGRESS_REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        return progress;
    }

    static HttpServer start(Monitoring monitoring, Monitoring.Http http, Clock clock, PbxGateway pbx,
                            WriteBacklog writes, AgentService agents, EccpServer eccp, SessionRegistry sessions,
                            Api api) {
        DaemonProbes probes = new DaemonProbes(PbxConnectionWatch.of(pbx, clock),
                new CachedCheck(http.databaseUp(), DATABASE_CHECK_MAX_AGE, clock), writes, agents,
                eccp::connections, sessions::size);
        monitoring.meters().watch(probes);
        Tokens tokens = new Tokens(http.settings().tokenTtl(), clock);
        WebApi web = new WebApi(new EccpBridge(api.dispatcher()), tokens, api.allowedClients(),
                () -> api.agents().all().stream().map(Agent::channel).toList(),
                new StatsEndpoints(api.stats(), api.progress()::last, clock, api.abandons()).routes());
        EventSocket events = new EventSocket(web, sessions, agents::views, api.fanout()::afterDelivered, clock);
        Router.Builder router = Router.builder()
                .get("/health", new HealthHandler(probes))
                .get("/metrics", new MetricsHandler(monitoring.meters()))
                .get(EventSocket.PATH, request -> ApiResponses.failure(400, "WebSocket upgrade expected"));
        List<OpenApi.Operation> others = new java.util.ArrayList<>(List.of(
                new OpenApi.Operation("GET", "/health", "Liveness and readiness (no token)", List.of(503)),
                new OpenApi.Operation("GET", "/metrics", "Prometheus metrics (no token)", List.of()),
                new OpenApi.Operation("GET", EventSocket.PATH, "Events over WebSocket (token as ?token= or "
                        + "header; ?agent= filters); without an upgrade: 400", List.of(400, 401, 422))));
        // /console and /wallboard redirect to their pages (301); the rest are files or 404.
        StaticFiles.PATHS.forEach(path -> others.add(new OpenApi.Operation("GET", path,
                "Browser consoles: pages and their files (no token)",
                path.endsWith("/") || path.contains("{") ? List.of(404) : List.of(301, 404))));
        web.register(router, others);
        StaticFiles.addTo(router); // /console/, /wallboard/
        Router routes = router.build();
        web.checkDescribed(routes);
        return new HttpServer(http.settings(), routes, List.of(events)).start();
    }
}
