package org.dialerd.server;

import java.time.Clock;
import java.util.Deque;
import java.util.List;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.engine.AstdbMembershipSource;
import org.dialerd.core.spy.SpyControl;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.Stores;
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
import org.dialerd.http.webhook.Webhooks;

/**
 * The ECCP side of a start, once the engine runs: the sessions (and the webhooks that tap them),
 * the event fan-out from the engine, the services and dispatcher the handlers answer through,
 * and the listener.
 */
final class EccpStartup {
    /** The listener and what the HTTP side shares with it. */
    record Eccp(EccpServer server, SessionRegistry sessions, EventFanout fanout, Dispatcher dispatcher,
                Services services) {}

    private EccpStartup() {
    }

    /**
     * @param clock    the calls' and audits' time (tests pass a virtual one)
     * @param realTime the webhooks' time
     */
    static Eccp start(Persistence persistence, EccpServerSettings settings, Clock clock, Clock realTime,
                      Dialerd.PbxSide pbx, JournalStartup.Writes journal, EngineStartup.Engine started,
                      AgentDirectory agents, Monitoring monitoring, Deque<AutoCloseable> resources) {
        Stores stores = persistence.stores();
        SessionRegistry sessions = new SessionRegistry(settings.maxOutboundBytes(), monitoring.meters().eccp());
        if (!monitoring.webhooks().endpoints().isEmpty()) {
            Webhooks webhooks = new Webhooks(monitoring.webhooks(), monitoring.meters().webhooks(), realTime);
            resources.push(webhooks); // pushed first, closed last: after the fan-out that feeds it
            sessions.addTap(webhooks);
        }
        EventFanout fanout = new EventFanout(sessions, stores.calls());
        resources.push(fanout);
        started.engine().addListener(fanout);
        MembershipSource memberships = pbx.membershipFromAstdb()
                ? new AstdbMembershipSource(pbx.pbx(), pbx.agents().actionTimeout())
                : agent -> stores.reports().queueMemberships(List.of(agent.id())).stream()
                        .map(m -> new MembershipSource.Membership(m.queue(), m.penalty()))
                        .toList();
        SpyControl spies = new SpyControl(pbx.pbx(), journal.writes(), clock, started.engine()::announce,
                Identifiers.spyIdPrefix(), SpyControl.DEFAULT_RING_TIMEOUT);
        Services services = Services.builder(stores, agents, pbx.pbx(), clock, Identifiers.cookieSource())
                .engine(started.engine()).extensions(pbx.extensions()).memberships(memberships).spies(spies)
                .abandons(started.abandons()).stats(started.liveStats()).build();
        LoginThrottle logins = new LoginThrottle(settings.loginThrottle(), clock);
        Dispatcher dispatcher = new Dispatcher(ThrottledLogin.around(Handlers.all(), logins), services,
                max -> journal.awaitApplied(persistence, max), monitoring.meters().eccp(),
                new MemoryAnswers(persistence.reference(), persistence.answers(), journal.journal()::pending));
        EccpServer server = new EccpServer(settings, dispatcher, sessions).start();
        resources.push(server);
        return new Eccp(server, sessions, fanout, dispatcher, services);
    }
}
