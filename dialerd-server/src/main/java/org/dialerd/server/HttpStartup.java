package org.dialerd.server;

import java.time.Clock;
import java.time.Duration;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.journal.WriteBacklog;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.http.DaemonProbes;
import org.dialerd.http.HttpServer;
import org.dialerd.http.Router;
import org.dialerd.http.health.CachedCheck;
import org.dialerd.http.health.HealthHandler;
import org.dialerd.http.health.PbxConnectionWatch;
import org.dialerd.http.metrics.MetricsHandler;
import org.dialerd.http.web.StaticFiles;

/**
 * Starts the HTTP listener once everything it reports on runs: /health and /metrics over the
 * daemon's state. Later endpoints (JSON API, event stream, consoles) register on the same router.
 */
final class HttpStartup {
    /** How long a database check answers /health and the database gauge before it is run again. */
    static final Duration DATABASE_CHECK_MAX_AGE = Duration.ofSeconds(1);

    private HttpStartup() {
    }

    static HttpServer start(Monitoring monitoring, Monitoring.Http http, Clock clock, PbxGateway pbx,
                            WriteBacklog writes, AgentService agents, EccpServer eccp, SessionRegistry sessions) {
        DaemonProbes probes = new DaemonProbes(PbxConnectionWatch.of(pbx, clock),
                new CachedCheck(http.databaseUp(), DATABASE_CHECK_MAX_AGE, clock), writes, agents,
                eccp::connections, sessions::size);
        monitoring.meters().watch(probes);
        Router.Builder routes = Router.builder()
                .get("/health", new HealthHandler(probes))
                .get("/metrics", new MetricsHandler(monitoring.meters()));
        Router router = StaticFiles.addTo(routes).build(); // /console/, /wallboard/
        return new HttpServer(http.settings(), router).start();
    }
}
