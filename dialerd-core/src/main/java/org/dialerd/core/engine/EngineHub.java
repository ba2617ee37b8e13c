package org.dialerd.core.engine;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.IncomingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine's parts share and reach each other through: the tracked agents, the parts
 * themselves (logins, breaks, pauses, holds, wrap-up, call trackers, records, resync), the
 * listeners events go to, and the engine-thread helpers. {@link AgentEngine} is the public face
 * (the {@link AgentService} commands and the start-up wiring) on top of it.
 *
 * <p>A superclass rather than a field so that every part built with the {@link AgentEngine}
 * keeps the same reach (sealed: the engine is the only hub there is). Everything here runs on
 * the engine thread unless it says otherwise.
 */
abstract sealed class EngineHub permits AgentEngine {
    private static final Logger log = LoggerFactory.getLogger(AgentEngine.class);
    /** The hold break: the schema's seed row, break 1 'Hold', tipo 'H' (as Issabel installs it). */
    static final int DEFAULT_HOLD_BREAK_ID = 1;
    static final String LOGIN_ACTION_PREFIX = "dialerd-login-";

    final PbxGateway pbx;
    final EngineWrites writes;
    final EngineScheduler scheduler;
    private final Clock clock;
    private final AgentEngineSettings settings;
    private final EngineThread thread;
    final AgentRegistry registry;
    final AgentLogins logins;
    final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final AgentPbxEvents pbxEvents;
    final AgentRecords records;
    final PauseSync pauses;
    final BreakControl breaks;
    final CallTakeover takeover;
    final ResyncLoop resyncs;
    final CallTrackers calls;
    final WrapupControl wrapups;
    /** Read by the call trackers (engine thread); set once at start by {@link AgentEngine#reportTo}. */
    volatile EngineMetrics metrics = EngineMetrics.NONE;

    EngineHub(PbxGateway pbx, IncomingCallStore incomingCalls, EngineWrites writes, EngineScheduler scheduler,
              Clock clock, AgentEngineSettings settings) {
        AgentEngine engine = (AgentEngine) this; // sealed: always
        this.thread = new EngineThread(scheduler, pbx);
        this.registry = new AgentRegistry(settings);
        this.logins = new AgentLogins(engine);
        this.pbxEvents = new AgentPbxEvents(engine);
        this.pauses = new PauseSync(engine);
        this.breaks = new BreakControl(engine);
        this.takeover = new CallTakeover(engine);
        this.calls = new CallTrackers(new TransferFollower(engine), new HoldControl(engine, writes, DEFAULT_HOLD_BREAK_ID),
                incomingCalls == null ? null : new InboundCalls(engine, writes));
        this.records = new AgentRecords(engine, writes);
        this.wrapups = new WrapupControl(engine, writes);
        listeners.add(wrapups); // first: it acts on agentunlinked after every listener had it
        this.resyncs = new ResyncLoop(scheduler, trigger -> new AgentResync(engine, takeover, trigger).run());
        this.pbx = pbx;
        this.writes = writes;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        pbx.addListener(event -> scheduler.execute(() -> pbxEvents.handle(event)));
    }

    // ---- the tracked agents ------------------------------------------------------------

    AgentState state(Agent agent) {
        return registry.state(agent);
    }

    Optional<AgentState> stateByNumber(String agentNumber) {
        return registry.stateByNumber(agentNumber);
    }

    Iterable<AgentState> states() {
        return registry.states();
    }

    /** The tracked agent that is this queue member interface, logged in. */
    Optional<AgentState> memberAgent(String iface) {
        return registry.memberAgent(iface);
    }

    /** Whether this queue member is the agent (static: its pool interface; dynamic: its login interface). */
    boolean isMember(AgentState state, PbxEvent.QueueMember member) {
        return registry.isMember(state, member);
    }

    void publish(AgentState state) {
        registry.publish(state, now());
    }

    void loggedIn(AgentState state) {
        logins.loggedIn(state);
    }

    void failLogin(AgentState state, String why) {
        logins.failLogin(state, why);
    }

    void loggedOut(AgentState state, String why) {
        logins.loggedOut(state, why);
    }

    // ---- the parts -----------------------------------------------------------------------

    AgentEngineSettings settings() {
        return settings;
    }

    EngineScheduler scheduler() {
        return scheduler;
    }

    PbxGateway pbx() {
        return pbx;
    }

    boolean pbxConnected() {
        return pbx.isConnected();
    }

    AgentRecords records() {
        return records;
    }

    PauseSync pauses() {
        return pauses;
    }

    HoldControl holds() {
        return calls.holds;
    }

    WrapupControl wrapups() {
        return wrapups;
    }

    InboundCalls inbound() {
        return calls.inbound;
    }

    OutboundDialer outbound() {
        return calls.outbound;
    }

    /** Click-to-call calls after a resync or a restart; null without click-to-call. */
    ClickToCallRecovery clickToCallRecovery() {
        ClickToCall c2c = calls.clickToCall;
        return c2c == null ? null : c2c.recovery();
    }

    /** QueuePause on every queue; an agent in no queue has nothing to pause in Asterisk. */
    CompletableFuture<PbxReply> pauseInQueues(AgentState state, boolean paused, String reason) {
        if (state.queues.isEmpty()) {
            return CompletableFuture.completedFuture(PbxReply.ok("no queues"));
        }
        return sendOnEngine(new PbxAction.QueuePause("", state.memberInterface, paused, reason));
    }

    /** The agent's call went to {@code extension}; its link ends now. */
    void transferredNow(AgentState state, String extension) {
        calls.transferred(state, extension);
    }

    /** Every call the trackers follow (uniqueid, channel), for a resync to check against Asterisk. */
    void followedCalls(BiConsumer<String, String> into) {
        calls.followed(into);
    }

    /** Call events go to the call trackers. */
    void callEvent(PbxEvent event) {
        calls.handle(event);
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

    /** Runs {@code work} on the engine thread (any thread may call it). */
    <T> CompletableFuture<T> onEngine(Supplier<T> work) {
        return thread.run(work);
    }

    <T> CompletableFuture<T> onEngineCompose(Supplier<CompletableFuture<T>> work) {
        return thread.compose(work);
    }

    /** Sends an action; the reply is handled back on the engine thread. A failed send is an error reply. */
    CompletableFuture<PbxReply> sendOnEngine(PbxAction action) {
        return thread.send(action);
    }
}
