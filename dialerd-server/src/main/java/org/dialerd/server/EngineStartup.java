package org.dialerd.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.engine.AgentActivityLog;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.EngineScheduler;
import org.dialerd.core.journal.JournalWrites;
import org.dialerd.core.settings.LiveSettings;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.Stores;
import org.dialerd.core.store.TakeoverScope;
import org.dialerd.db.Persistence;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcClickToCallStore;

/**
 * The engine side of a start, in the order it needs: the agent engine and its listeners, what a
 * run that did not stop cleanly left open, the campaign options, abandons, breaks and wrap-ups,
 * the dialer and click-to-call, and last the PBX connection (the engine and its trackers see its
 * first Connected and resync).
 */
final class EngineStartup {
    /** How often what the web UI edits (queues, incoming campaigns, breaks) is re-read. */
    private static final Duration MONITORED_QUEUES_REFRESH = Duration.ofSeconds(60);
    /** dialerd_campaign_options / dialerd_queue_options edited in the web UI apply within this. */
    private static final Duration WRAPUP_TIMES_REFRESH = Duration.ofSeconds(10);

    /** The running engine and what the ECCP and HTTP sides read from it. */
    record Engine(AgentEngine engine, LiveStats liveStats, AbandonCounter abandons) {}

    /** What a run that did not stop cleanly left open, read once its journal is applied. */
    private record LeftOpen(List<AuditStore.OpenRow> audits, List<OutgoingCallStore.UnfinishedCall> outgoing,
                            List<IncomingCallStore.UnfinishedCall> incoming) {}

    private EngineStartup() {
    }

    static Engine start(Persistence persistence, Dialerd.PbxSide pbx, JournalStartup.Writes journal, Clock clock,
                        Monitoring monitoring, AgentDirectory agents, LiveSettings live,
                        Deque<AutoCloseable> resources) {
        Stores stores = persistence.stores();
        JournalWrites writes = journal.writes();
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
            TakeoverScope scope = TakeoverScopes.decide(journal.journal().hostId(), persistence);
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
        resources.push(() -> engine.closeAllAudits().get(JournalStartup.WRITE_DRAIN_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS));

        engine.monitorIncomingQueues(stores.incomingCalls(), MONITORED_QUEUES_REFRESH);
        engine.recordCalls();
        pbx.dialer().ifPresent(dialer -> engine.startOutboundDialer(stores.outgoingCalls(), live, dialer,
                campaignOptions));
        pbx.dialer().ifPresent(dialer -> engine.startClickToCall(new JdbcClickToCallStore(
                new Jdbc(persistence.requests(), persistence.answers()::invalidateAll)), live, dialer));
        pbx.pbx().start(); // once the engine and its trackers listen: they see the first Connected and resync
        if (pbx.pbx().isConnected()) {
            engine.resync(); // a gateway someone else started (tests) may be connected already
        }
        if (!pbx.agents().resyncInterval().isZero()) {
            resources.push(engine.resyncEvery(pbx.agents().resyncInterval())::cancel);
        }
        return new Engine(engine, liveStats, abandons);
    }
}
