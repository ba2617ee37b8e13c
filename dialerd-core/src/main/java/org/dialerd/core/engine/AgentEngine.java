package org.dialerd.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.store.MembershipSource;

/**
 * The agents' life: login (static agents through AgentLogin, dynamic ones by QueueAdd),
 * breaks, logout, and what Asterisk says about them. All state lives on one engine thread
 * ({@link EngineScheduler}); commands and PBX events are posted there, so no locks are needed.
 * Readers get immutable {@link AgentView}s without waiting. Audit rows are journal records with
 * ids dialerd assigns ({@link EngineWrites}): events never wait for the database.
 *
 * <p>This class is the entry: the {@link AgentService} commands and the start-up wiring. The hub
 * its parts reach each other through is {@link EngineHub}; the jobs live in their own classes:
 * the tracked agents and their views ({@link AgentRegistry}), login/logout/ping
 * ({@link AgentLogins}), where call events go ({@link CallTrackers}), the engine thread
 * ({@link EngineThread}), breaks, holds, transfers, wrap-up, resync and takeover.
 */
public final class AgentEngine extends EngineHub implements AgentService {
    /** An engine that follows agents only (no call tracking). */
    public AgentEngine(PbxGateway pbx, EngineWrites writes, EngineScheduler scheduler, Clock clock,
                       AgentEngineSettings settings) {
        this(pbx, null, writes, scheduler, clock, settings);
    }

    /** An engine that also follows the calls of the monitored incoming queues. */
    public AgentEngine(PbxGateway pbx, IncomingCallStore incomingCalls, EngineWrites writes,
                       EngineScheduler scheduler, Clock clock, AgentEngineSettings settings) {
        super(pbx, incomingCalls, writes, scheduler, clock, settings);
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    /** Where call and dialer counts go; set before the engine follows calls. */
    public void reportTo(EngineMetrics sink) {
        metrics = java.util.Objects.requireNonNull(sink, "sink");
    }

    // ---- reads (any thread) -----------------------------------------------------------

    /** The agent as last seen, if the daemon tracks it. */
    @Override
    public Optional<AgentView> view(String agentNumber) {
        return registry.view(agentNumber);
    }

    @Override
    public List<AgentView> views() {
        return registry.views();
    }

    @Override
    public void announce(AgentEvent event) {
        scheduler.execute(() -> emit(event));
    }

    // ---- commands (any thread; carried out on the engine thread) -----------------------

    /** Makes the engine track exactly these agents (start, refreshagents); logged-in agents stay. */
    @Override
    public CompletableFuture<Void> track(List<Agent> list) {
        return onEngine(() -> {
            registry.track(list, now());
            return null;
        });
    }

    /**
     * Logs an agent in on an extension whose dial string the caller resolved. Static agents:
     * the extension is called with AgentLogin (answer "logging"; agentloggedin follows).
     * Dynamic agents: QueueAdd to each queue ("logged-in" once Asterisk accepted them all).
     */
    @Override
    public CompletableFuture<EngineResult> login(Agent agent, String extension, String dialString,
                                                 List<MembershipSource.Membership> queues,
                                                 Optional<Duration> pingTimeout) {
        return onEngineCompose(() -> logins.login(state(agent), extension, dialString, queues, pingTimeout));
    }

    /** Logs the agent out (AgentLogoff for static agents, QueueRemove for dynamic ones). */
    @Override
    public CompletableFuture<EngineResult> logout(Agent agent) {
        return onEngineCompose(() -> logins.logout(state(agent)));
    }

    /** Puts a logged-in agent on a break: QueuePause on all its queues with the break's name. */
    @Override
    public CompletableFuture<EngineResult> pause(Agent agent, int breakId, String breakName) {
        return onEngineCompose(() -> breaks.pause(state(agent), breakId, breakName));
    }

    @Override
    public CompletableFuture<EngineResult> unpause(Agent agent) {
        return onEngineCompose(() -> breaks.unpause(state(agent)));
    }

    /** Keeps a login made with a timeout alive. */
    @Override
    public CompletableFuture<Void> ping(Agent agent) {
        return onEngine(() -> {
            logins.ping(state(agent));
            return null;
        });
    }

    /**
     * Reads the monitored incoming queues now and every {@code every} after (queues and incoming
     * campaigns edited in the web UI are picked up without a restart). The read runs off the
     * engine thread, after the engine's own writes reached the database.
     */
    public void monitorIncomingQueues(IncomingCallStore store, Duration every) {
        InboundCalls inbound = calls.inbound;
        if (inbound == null) {
            return;
        }
        writes.readAfterWrites("read monitored queues", store::monitoredQueues)
                .thenAcceptAsync(inbound::monitor, scheduler)
                .whenComplete((v, e) -> scheduler.schedule(every, () -> monitorIncomingQueues(store, every)));
    }

    /** What the engine holds per call and per action now (the soak checks it stays bounded). */
    public CompletableFuture<EngineBacklog> backlog() {
        return onEngine(calls::backlog);
    }

    /** Daemon stop: closes every open break and session row, then lets the writes drain. */
    public CompletableFuture<Void> closeAllAudits() {
        return onEngine(() -> {
            if (calls.inbound != null) {
                calls.inbound.lostTrackOfAll();
            }
            for (AgentState state : registry.states()) {
                if (state.loggedIn) {
                    records.closeAll(state);
                }
            }
            records.closeInherited();
            return null;
        });
    }

    /** Puts the agent's call on hold (parks the customer). */
    @Override
    public CompletableFuture<EngineResult> hold(Agent agent) {
        return onEngineCompose(() -> calls.holds.hold(state(agent)));
    }

    @Override
    public CompletableFuture<EngineResult> endWrapup(Agent agent) {
        return onEngineCompose(() -> wrapups.endRequested(state(agent)));
    }

    /** Reads the campaigns' and queues' wrap-up times now and every {@code every} after; completes on the first. */
    public CompletableFuture<Void> followWrapups(OutgoingCallStore calls, BreakStore breaks, Duration every) {
        return wrapups.follow(calls, breaks, every, new CampaignOptionsCache(calls), true);
    }

    /** As above, the campaigns' wrap-up times from the shared read of their options (within about 1 s of an edit). */
    public CompletableFuture<Void> followWrapups(OutgoingCallStore calls, BreakStore breaks, Duration every,
                                                 CampaignOptionsCache options) {
        return wrapups.follow(calls, breaks, every, options, false);
    }

    /** Brings the held call back to the agent. */
    @Override
    public CompletableFuture<EngineResult> unhold(Agent agent) {
        return onEngineCompose(() -> calls.holds.unhold(state(agent)));
    }

    @Override
    public CompletableFuture<Void> transferred(Agent agent, String extension) {
        return onEngine(() -> {
            transferredNow(state(agent), extension);
            return null;
        });
    }

    @Override
    public CompletableFuture<EngineResult> attendedTransfer(Agent agent, String agentChannel, String context,
                                                            String extension) {
        return onEngineCompose(() -> calls.transfers.start(state(agent), agentChannel, context, extension));
    }

    /** Dialer rounds finished (0 before the dialer starts): two more began after a change to the campaigns. */
    public long dialerRounds() {
        OutboundDialer dialer = calls.outbound;
        return dialer == null ? 0 : dialer.rounds();
    }

    /** Writes call_recording rows for the calls the engine follows. */
    public void recordCalls() {
        calls.recordings = new Recordings(this, writes);
    }

    /**
     * Starts dialling the active outgoing campaigns. Its database reads run off the engine
     * thread after the engine's writes; its writes are journal records.
     */
    public void startOutboundDialer(OutgoingCallStore store, Supplier<DaemonSettings> live, DialerSettings dialer) {
        startOutboundDialer(store, live, dialer, new CampaignOptionsCache(store));
    }

    /** As above, sharing its read of the campaigns' options with {@code options}' other readers. */
    public void startOutboundDialer(OutgoingCallStore store, Supplier<DaemonSettings> live, DialerSettings dialer,
                                    CampaignOptionsCache options) {
        OutboundDialer started = new OutboundDialer(this, store, writes, live, dialer, options);
        calls.outbound = started;
        started.start();
    }

    /** Places the calls agents ask for ({@link #dialNumber}); needs the outbound dialer's settings. */
    public void startClickToCall(org.dialerd.core.store.ClickToCallStore store, Supplier<DaemonSettings> live,
                                 DialerSettings dialer) {
        ClickToCall started = new ClickToCall(this, writes, store, dialer, live);
        pbx.addListener(event -> scheduler.execute(() -> started.handle(event)));
        calls.clickToCall = started;
    }

    @Override
    public CompletableFuture<ClickToCall.Outcome> dialNumber(Agent agent, String phone, Optional<Integer> campaignId) {
        return ClickToCall.request(this, calls.clickToCall, agent, phone, campaignId);
    }

    @Override
    public PreviewService preview() {
        OutboundDialer dialer = calls.outbound;
        return dialer == null ? PreviewService.NONE : dialer.preview();
    }

    /**
     * Rebuilds agent state from Asterisk. Runs by itself after every AMI (re)connection; call it
     * once at start when the connection came up before the engine listened.
     */
    public CompletableFuture<Void> resync() {
        return onEngineCompose(resyncs::request);
    }

    /** Also resyncs every {@code interval} while AMI stays connected; cancel it at stop. */
    public EngineScheduler.Cancellable resyncEvery(Duration interval) {
        return new PeriodicResync(this, resyncs, interval).start();
    }

    /**
     * What the previous run left open (it did not stop cleanly): audit rows and calls in
     * progress. After the first resync they continue for what Asterisk still has, and end for
     * the rest.
     */
    public CompletableFuture<Void> inheritFromPreviousRun(List<AuditStore.OpenRow> rows,
                                                          List<OutgoingCallStore.UnfinishedCall> outgoing,
                                                          List<IncomingCallStore.UnfinishedCall> incoming) {
        return onEngine(() -> {
            records.inherit(rows);
            takeover.inherit(outgoing, incoming);
            return null;
        });
    }

    /** Reads the breaks now and every {@code every} after: Asterisk's pause reasons name them. */
    public void followBreaks(BreakStore store, Duration every) {
        writes.readAfterWrites("read breaks", () -> store.findByTipo('B'))
                .thenAcceptAsync(pauses::breaks, scheduler)
                .whenComplete((v, e) -> scheduler.schedule(every, () -> followBreaks(store, every)));
    }
}
