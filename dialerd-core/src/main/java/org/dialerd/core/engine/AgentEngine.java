package org.dialerd.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.MembershipSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' life: login (static agents through AgentLogin, dynamic ones by QueueAdd),
 * breaks, logout, and what Asterisk says about them. All state lives on one engine thread
 * ({@link EngineScheduler}); commands and PBX events are posted there, so no locks are needed.
 * Readers get immutable {@link AgentView}s without waiting. Audit rows are journal records with
 * ids dialerd assigns ({@link EngineWrites}): events never wait for the database.
 */
public final class AgentEngine implements AgentService {
    private static final Logger log = LoggerFactory.getLogger(AgentEngine.class);
    /** The hold break: the schema's seed row, break 1 'Hold', tipo 'H' (as Issabel installs it). */
    static final int DEFAULT_HOLD_BREAK_ID = 1;
    static final String LOGIN_ACTION_PREFIX = "dialerd-login-";

    private final PbxGateway pbx;
    private final EngineWrites writes;
    private final EngineScheduler scheduler;
    private final Clock clock;
    private final AgentEngineSettings settings;
    private final Map<String, AgentState> agents = new HashMap<>();
    private final Map<String, AgentView> views = new ConcurrentHashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final AgentPbxEvents pbxEvents = new AgentPbxEvents(this);
    private final AgentRecords records;
    private final PauseSync pauses = new PauseSync(this);
    private final BreakControl breaks = new BreakControl(this);
    private final TransferFollower transfers = new TransferFollower(this);
    private final CallTakeover takeover = new CallTakeover(this);
    private final ResyncLoop resyncs;
    private final InboundCalls inbound;
    private volatile OutboundDialer outbound;
    private volatile ClickToCall clickToCall;
    private final HoldControl holds;
    private final WrapupControl wrapups;
    private volatile Recordings recordings;
    /** Read by the call trackers (engine thread); set once at start by {@link #reportTo}. */
    volatile EngineMetrics metrics = EngineMetrics.NONE;
    private long actionCounter;

    /** An engine that follows agents only (no call tracking). */
    public AgentEngine(PbxGateway pbx, EngineWrites writes, EngineScheduler scheduler, Clock clock,
                       AgentEngineSettings settings) {
        this(pbx, null, writes, scheduler, clock, settings);
    }

    /** An engine that also follows the calls of the monitored incoming queues. */
    public AgentEngine(PbxGateway pbx, IncomingCallStore incomingCalls, EngineWrites writes,
                       EngineScheduler scheduler, Clock clock, AgentEngineSettings settings) {
        this.inbound = incomingCalls == null ? null : new InboundCalls(this, writes);
        this.holds = new HoldControl(this, writes, DEFAULT_HOLD_BREAK_ID);
        this.records = new AgentRecords(this, writes);
        this.wrapups = new WrapupControl(this, writes);
        listeners.add(wrapups); // first: it acts on agentunlinked after every listener had it
        this.resyncs = new ResyncLoop(scheduler, trigger -> new AgentResync(this, takeover, trigger).run());
        this.pbx = pbx;
        this.writes = writes;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        pbx.addListener(event -> scheduler.execute(() -> pbxEvents.handle(event)));
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
        return Optional.ofNullable(views.get(agentNumber));
    }

    @Override
    public List<AgentView> views() {
        return List.copyOf(views.values());
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
            Map<String, Agent> fresh = new HashMap<>();
            list.forEach(a -> fresh.put(a.channel(), a));
            agents.keySet().removeIf(number -> {
                boolean gone = !fresh.containsKey(number) && !agents.get(number).loggedIn;
                if (gone) {
                    views.remove(number);
                }
                return gone;
            });
            fresh.forEach((number, agent) -> {
                AgentState state = agents.computeIfAbsent(number, n -> new AgentState(agent));
                state.agent = agent;
                if (agent.type().isStatic()) {
                    state.memberInterface = settings.staticInterfaceOf(agent.number());
                }
                publish(state);
            });
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
        return onEngineCompose(() -> {
            AgentState state = state(agent);
            if (state.loggedIn || state.loggingIn) {
                if (!extension.equals(state.extension)) {
                    return done(EngineResult.failed("logged-out", 409,
                            "Specified agent already connected to extension: " + state.extension));
                }
                return done(EngineResult.status(state.loggedIn ? "logged-in" : "logging"));
            }
            state.extension = extension;
            state.pingTimeout = pingTimeout.orElse(null);
            return agent.type().isStatic() ? loginStatic(state, dialString) : loginDynamic(state, dialString, queues);
        });
    }

    private CompletableFuture<EngineResult> loginStatic(AgentState state, String dialString) {
        String actionId = LOGIN_ACTION_PREFIX + (++actionCounter);
        state.loggingIn = true;
        state.loginActionId = actionId;
        publish(state);
        PbxAction.Originate originate = new PbxAction.Originate(dialString, "", "", 1, "AgentLogin",
                state.agent.number(), "Login " + state.number() + " <" + state.extension + ">",
                settings.loginTimeout(), Map.of(), actionId, "");
        return sendOnEngine(originate).thenApply(reply -> {
            if (!reply.success() || !actionId.equals(state.loginActionId)) {
                if (actionId.equals(state.loginActionId)) {
                    log.warn("agent {}: Asterisk refused the login call to {}: {}", state.number(), dialString,
                            reply.message());
                    state.reset();
                    publish(state);
                }
                return EngineResult.failed("logged-out", 500, "Asterisk refused login: " + reply.message());
            }
            state.loginTimer = scheduler.schedule(settings.loginTimeout().plusSeconds(5), () -> {
                if (actionId.equals(state.loginActionId) && !state.loggedIn) {
                    failLogin(state, "no AgentLogin in time");
                }
            });
            return EngineResult.status("logging");
        });
    }

    private CompletableFuture<EngineResult> loginDynamic(AgentState state, String dialString,
                                                         List<MembershipSource.Membership> queues) {
        if (queues.isEmpty()) {
            state.extension = null;
            return done(EngineResult.failed("logged-out", 417, "Agent has no queues to log in to"));
        }
        state.loggingIn = true;
        state.memberInterface = dialString;
        state.channel = dialString;
        publish(state);
        List<CompletableFuture<PbxReply>> adds = new ArrayList<>();
        for (MembershipSource.Membership m : queues) {
            adds.add(sendOnEngine(new PbxAction.QueueAdd(m.queue(), dialString, state.agent.name(), dialString,
                    m.penalty(), false)));
        }
        return CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).handleAsync((ignored, error) -> {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < adds.size(); i++) {
                PbxReply reply = adds.get(i).getNow(null);
                boolean accepted = reply != null && (reply.success() || reply.message().contains("Already there"));
                if (!accepted) {
                    refused.add(queues.get(i).queue());
                }
            }
            if (!refused.isEmpty()) {
                log.warn("agent {}: QueueAdd refused for queues {}", state.number(), refused);
                queues.stream().filter(m -> !refused.contains(m.queue()))
                        .forEach(m -> pbx.send(new PbxAction.QueueRemove(m.queue(), dialString)));
                state.reset();
                publish(state);
                return EngineResult.failed("logged-out", 500, "Asterisk refused login");
            }
            loggedIn(state);
            return EngineResult.status("logged-in");
        }, scheduler);
    }

    /** Logs the agent out (AgentLogoff for static agents, QueueRemove for dynamic ones). */
    @Override
    public CompletableFuture<EngineResult> logout(Agent agent) {
        return onEngineCompose(() -> {
            AgentState state = state(agent);
            if (!state.loggedIn && !state.loggingIn) {
                return done(EngineResult.status("logged-out"));
            }
            if (agent.type().isStatic()) {
                return sendOnEngine(new PbxAction.AgentLogoff(agent.number(), false)).thenApply(reply -> {
                    loggedOut(state, "logoutagent");
                    return EngineResult.status("logged-out");
                });
            }
            List<CompletableFuture<PbxReply>> removes = new ArrayList<>();
            for (String queue : List.copyOf(state.queues)) {
                removes.add(sendOnEngine(new PbxAction.QueueRemove(queue, state.memberInterface)));
            }
            return CompletableFuture.allOf(removes.toArray(CompletableFuture[]::new)).handleAsync((v, e) -> {
                loggedOut(state, "logoutagent");
                return EngineResult.status("logged-out");
            }, scheduler);
        });
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

    /** QueuePause on every queue; an agent in no queue has nothing to pause in Asterisk. */
    CompletableFuture<PbxReply> pauseInQueues(AgentState state, boolean paused, String reason) {
        if (state.queues.isEmpty()) {
            return done(PbxReply.ok("no queues"));
        }
        return sendOnEngine(new PbxAction.QueuePause("", state.memberInterface, paused, reason));
    }

    /** Keeps a login made with a timeout alive. */
    @Override
    public CompletableFuture<Void> ping(Agent agent) {
        return onEngine(() -> {
            AgentState state = state(agent);
            if (state.pingTimeout != null && (state.loggedIn || state.loggingIn)) {
                armPing(state);
            }
            return null;
        });
    }

    /**
     * Reads the monitored incoming queues now and every {@code every} after (queues and incoming
     * campaigns edited in the web UI are picked up without a restart). The read runs off the
     * engine thread, after the engine's own writes reached the database.
     */
    public void monitorIncomingQueues(IncomingCallStore store, Duration every) {
        if (inbound == null) {
            return;
        }
        writes.readAfterWrites("read monitored queues", store::monitoredQueues)
                .thenAcceptAsync(inbound::monitor, scheduler)
                .whenComplete((v, e) -> scheduler.schedule(every, () -> monitorIncomingQueues(store, every)));
    }

    /** What the engine holds per call and per action now (the soak checks it stays bounded). */
    public CompletableFuture<EngineBacklog> backlog() {
        return onEngine(() -> new EngineBacklog(outbound == null ? 0 : outbound.waitingForOriginate(),
                outbound == null ? 0 : outbound.followed(), inbound == null ? 0 : inbound.followed(),
                transfers.followed(), holds.parkedCount()));
    }

    /** Daemon stop: closes every open break and session row, then lets the writes drain. */
    public CompletableFuture<Void> closeAllAudits() {
        return onEngine(() -> {
            if (inbound != null) {
                inbound.lostTrackOfAll();
            }
            for (AgentState state : agents.values()) {
                if (state.loggedIn) {
                    records.closeAll(state);
                }
            }
            records.closeInherited();
            return null;
        });
    }

    // ---- state changes (engine thread) ------------------------------------------------

    AgentState state(Agent agent) {
        AgentState state = agents.computeIfAbsent(agent.channel(), n -> new AgentState(agent));
        if (agent.type().isStatic() && state.memberInterface == null) {
            state.memberInterface = settings.staticInterfaceOf(agent.number());
        }
        return state;
    }

    Optional<AgentState> stateByNumber(String agentNumber) {
        return Optional.ofNullable(agents.get(agentNumber));
    }

    Iterable<AgentState> states() {
        return agents.values();
    }

    AgentEngineSettings settings() {
        return settings;
    }

    EngineScheduler scheduler() {
        return scheduler;
    }

    /** Puts the agent's call on hold (parks the customer). */
    @Override
    public CompletableFuture<EngineResult> hold(Agent agent) {
        return onEngineCompose(() -> holds.hold(state(agent)));
    }

    @Override
    public CompletableFuture<EngineResult> endWrapup(Agent agent) {
        return onEngineCompose(() -> wrapups.endRequested(state(agent)));
    }

    /** Reads the campaigns' and queues' wrap-up times now and every {@code every} after; completes on the first. */
    public CompletableFuture<Void> followWrapups(OutgoingCallStore calls, BreakStore breaks, Duration every) {
        return wrapups.follow(calls, breaks, every);
    }

    /** Brings the held call back to the agent. */
    @Override
    public CompletableFuture<EngineResult> unhold(Agent agent) {
        return onEngineCompose(() -> holds.unhold(state(agent)));
    }

    @Override
    public CompletableFuture<Void> transferred(Agent agent, String extension) {
        return onEngine(() -> {
            transferredNow(state(agent), extension);
            return null;
        });
    }

    /** On the engine thread: the agent's call went to {@code extension}; its link ends now. */
    void transferredNow(AgentState state, String extension) {
        if (state.call != null && inbound != null) {
            inbound.transferred(state.call, extension);
        } else if (state.outboundCall != null && outbound != null) {
            outbound.transferred(state.outboundCall, extension);
        }
    }

    @Override
    public CompletableFuture<EngineResult> attendedTransfer(Agent agent, String agentChannel, String context,
                                                            String extension) {
        return onEngineCompose(() -> transfers.start(state(agent), agentChannel, context, extension));
    }

    InboundCalls inbound() {
        return inbound;
    }

    OutboundDialer outbound() {
        return outbound;
    }

    /** Dialer rounds finished (0 before the dialer starts): two more began after a change to the campaigns. */
    public long dialerRounds() {
        OutboundDialer dialer = outbound;
        return dialer == null ? 0 : dialer.rounds();
    }

    /** Writes call_recording rows for the calls the engine follows. */
    public void recordCalls() {
        recordings = new Recordings(this, writes);
    }

    /** Every call the trackers follow (uniqueid, channel), for a resync to check against Asterisk. */
    void followedCalls(java.util.function.BiConsumer<String, String> into) {
        if (inbound != null) {
            inbound.followed(into);
        }
        if (outbound != null) {
            outbound.followed(into);
        }
        holds.followed(into);
    }

    /** Call events go to the call trackers. */
    void callEvent(PbxEvent event) {
        Recordings recorder = recordings;
        if (recorder != null) {
            recorder.handle(event);
        }
        holds.handle(event);
        transfers.handle(event);
        if (inbound != null) {
            inbound.handle(event);
        }
        OutboundDialer dialer = outbound;
        if (dialer != null) {
            dialer.handle(event);
        }
    }

    boolean pbxConnected() {
        return pbx.isConnected();
    }

    /**
     * Starts dialling the active outgoing campaigns. Its database reads run off the engine
     * thread after the engine's writes; its writes are journal records.
     */
    public void startOutboundDialer(OutgoingCallStore store, Supplier<DaemonSettings> live, DialerSettings dialer) {
        OutboundDialer started = new OutboundDialer(this, store, writes, live, dialer);
        outbound = started;
        started.start();
    }

    /** Places the calls agents ask for ({@link #dialNumber}); needs the outbound dialer's settings. */
    public void startClickToCall(org.dialerd.core.store.ClickToCallStore store, Supplier<DaemonSettings> live,
                                 DialerSettings dialer) {
        ClickToCall started = new ClickToCall(this, writes, store, dialer, live);
        pbx.addListener(event -> scheduler.execute(() -> started.handle(event)));
        clickToCall = started;
    }

    /** Click-to-call calls after a resync or a restart; null without click-to-call. */
    ClickToCallRecovery clickToCallRecovery() {
        ClickToCall c2c = clickToCall;
        return c2c == null ? null : c2c.recovery();
    }

    @Override
    public CompletableFuture<ClickToCall.Outcome> dialNumber(Agent agent, String phone, Optional<Integer> campaignId) {
        return ClickToCall.request(this, clickToCall, agent, phone, campaignId);
    }

    @Override
    public PreviewService preview() {
        OutboundDialer dialer = outbound;
        return dialer == null ? PreviewService.NONE : dialer.preview();
    }

    /** The tracked agent that is this queue member interface, logged in. */
    Optional<AgentState> memberAgent(String iface) {
        PbxEvent.QueueMember probe = new PbxEvent.QueueMember("", "", iface, "", "", 0, 0, 0, false, "", false);
        for (AgentState state : agents.values()) {
            if (state.loggedIn && isMember(state, probe)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
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

    AgentRecords records() {
        return records;
    }

    PauseSync pauses() {
        return pauses;
    }

    HoldControl holds() {
        return holds;
    }

    WrapupControl wrapups() {
        return wrapups;
    }

    PbxGateway pbx() {
        return pbx;
    }

    /** Whether this queue member is the agent (static: its pool interface; dynamic: its login interface). */
    boolean isMember(AgentState state, PbxEvent.QueueMember member) {
        if (state.agent.type().isStatic()) {
            String number = state.agent.number();
            return member.iface().equals(settings.staticInterfaceOf(number))
                    || member.stateInterface().equals(settings.staticStateInterfaceOf(number))
                    || member.iface().equals(state.number());
        }
        return state.memberInterface != null && member.iface().equals(state.memberInterface);
    }

    void loggedIn(AgentState state) {
        state.cancelTimers();
        state.loggingIn = false;
        state.loggedIn = true;
        state.loginStart = now();
        records.openSession(state);
        if (state.pingTimeout != null) {
            armPing(state);
        }
        publish(state);
        emit(new AgentEvent.AgentLoggedIn(state.number()));
        log.info("agent {} logged in on extension {} ({})", state.number(), state.extension, state.channel);
    }

    void failLogin(AgentState state, String why) {
        log.info("agent {} failed to log in: {}", state.number(), why);
        state.reset();
        publish(state);
        emit(new AgentEvent.AgentFailedLogin(state.number()));
    }

    void loggedOut(AgentState state, String why) {
        if (!state.loggedIn) {
            if (state.loggingIn) {
                failLogin(state, why);
            }
            return;
        }
        records.closeAll(state);
        log.info("agent {} logged out from extension {} ({})", state.number(), state.extension, why);
        state.reset();
        publish(state);
        emit(new AgentEvent.AgentLoggedOut(state.number()));
    }

    private void armPing(AgentState state) {
        if (state.pingTimer != null) {
            state.pingTimer.cancel();
        }
        Duration timeout = state.pingTimeout;
        state.pingTimer = scheduler.schedule(timeout, () -> {
            log.info("agent {} not pinged for {}; logging out", state.number(), timeout);
            logout(state.agent);
        });
    }

    void publish(AgentState state) {
        state.noteState(now());
        views.put(state.number(), state.view());
    }

    void emit(AgentEvent event) {
        for (EngineListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.error("engine listener failed on {}", event, e);
            }
        }
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    // ---- threading helpers ------------------------------------------------------------

    private <T> CompletableFuture<T> onEngine(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, scheduler);
    }

    private <T> CompletableFuture<T> onEngineCompose(Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(work, scheduler).thenCompose(f -> f);
    }

    /** Sends an action; the reply is handled back on the engine thread. A failed send is an error reply. */
    CompletableFuture<PbxReply> sendOnEngine(PbxAction action) {
        return pbx.send(action)
                .exceptionally(error -> PbxReply.error(rootMessage(error)))
                .thenApplyAsync(reply -> reply, scheduler);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t instanceof java.util.concurrent.CompletionException) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
