package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After-call work: paused in the queues for the wrap-up time after each call, on virtual time. */
class WrapupControlTest {
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final String MEMBER = "Local/9000@agent-request";
    private static final int WRAPUP_BREAK = 7;
    private static final LocalDateTime TEN = LocalDateTime.of(2026, 11, 22, 10, 0);

    private ManualScheduler scheduler = new ManualScheduler();
    private FakePbx pbx = new FakePbx();
    private MemoryAudit audit = new MemoryAudit();
    private final List<AgentEvent> events = new ArrayList<>();
    private final List<Map<String, String>> agentsList = new ArrayList<>();
    private final List<Map<String, String>> members = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        startOn(scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")));
    }

    /** The engine with {@code clock} as dialerd's clock (the scheduler's own by default). */
    private void startOn(Clock clock) {
        engine = new AgentEngine(pbx, audit, scheduler, clock, AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        pbx.replies = action -> action instanceof PbxAction.Agents ? list(agentsList)
                : action instanceof PbxAction.QueueStatus ? list(members) : PbxReply.ok("Success");
        scheduler.answer(engine.track(List.of(AGENT_9000)));
        engine.followBreaks(tipo -> List.of(new BreakStore.Break(2, "Lunch", "", true, 'B')), Duration.ofHours(1));
        engine.wrapups().use(new WrapupTimes(Map.of(5, Duration.ofSeconds(30)), Map.of("8000", Duration.ofSeconds(10)),
                Map.of(5, "8001"), Optional.of(WRAPUP_BREAK)));
        scheduler.settle();
    }

    private void loggedIn() {
        scheduler.answer(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        pbx.emit(new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000001;2", "1.1"));
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8000", false, "")));
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8001", false, "")));
        scheduler.settle();
        events.clear();
        pbx.sent.clear();
    }

    @Test
    void incomingCallEndsInTheQueuesWrapupThenTheAgentIsUnpaused() {
        loggedIn();
        callEnded(incoming("8000"));

        AgentView view = view();
        assertEquals(AgentStatus.PAUSED, view.status(), "held out of the queues");
        assertEquals(new AgentView.Wrapup(TEN, TEN.plusSeconds(10)), view.wrapup().orElseThrow());
        assertEquals(List.of(new PbxAction.QueuePause("", MEMBER, true, WrapupControl.REASON)),
                pbx.sent(PbxAction.QueuePause.class));
        assertTrue(events.contains(new AgentEvent.WrapupStart("Agent/9000", TEN, TEN.plusSeconds(10), "incoming",
                null, "8000")));
        assertEquals(Integer.valueOf(WRAPUP_BREAK), audit.open().get(1).breakId, "a wrap-up row is open");

        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, WrapupControl.REASON)));
        scheduler.advance(Duration.ofSeconds(9));
        assertEquals(AgentStatus.PAUSED, view().status(), "its own pause is no break");
        assertTrue(view().pause().isEmpty());

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(AgentStatus.ONLINE, view().status());
        assertTrue(view().wrapup().isEmpty());
        assertEquals(new PbxAction.QueuePause("", MEMBER, false, ""), pbx.sent(PbxAction.QueuePause.class).get(1));
        assertTrue(events.contains(new AgentEvent.WrapupEnd("Agent/9000", TEN, TEN.plusSeconds(10), 10, "timeout",
                "incoming", null, "8000")));
        assertEquals(1, audit.open().size(), "only the session row is still open");
        assertEquals(Duration.ofSeconds(10), audit.snapshot().get(1).duration);
    }

    /**
     * The integration tests' situation: the scheduler's delays run on real time while dialerd's
     * clock is the simulated PBX's, which moves only when the test moves it.
     */
    @Test
    void aSchedulerAheadOfDialerdsClockDoesNotEndTheWrapupBeforeItsEnd() {
        scheduler = new ManualScheduler();
        pbx = new FakePbx();
        audit = new MemoryAudit();
        ManualClock pbxClock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
        startOn(pbxClock);
        loggedIn();
        callEnded(incoming("8000"));

        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(AgentStatus.PAUSED, view().status(), "10 s of the scheduler's, none of dialerd's clock");
        assertTrue(view().wrapup().isPresent());
        pbxClock.advance(Duration.ofSeconds(6));
        scheduler.advance(Duration.ofSeconds(30));
        assertTrue(view().wrapup().isPresent(), "6 s of 10 on dialerd's clock");

        pbxClock.advance(Duration.ofSeconds(4));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(AgentStatus.ONLINE, view().status(), "ended at the next look at the clock");
        assertEquals(Duration.ofSeconds(10), audit.snapshot().get(1).duration, "the row lasts the wrap-up's time");
    }

    @Test
    void campaignsOwnWrapupWinsOverItsQueues() {
        loggedIn();
        callEnded(new CallLink("outgoing", 42, Optional.of(5), "5551234", "SIP/trunk-1", "2.1", "8000", "SIP/trunk",
                TEN, TEN));

        assertEquals(TEN.plusSeconds(30), view().wrapup().orElseThrow().end());
    }

    @Test
    void callFromAQueueWithoutWrapupLeavesTheAgentFree() {
        loggedIn();
        callEnded(incoming("8002"));

        assertEquals(AgentStatus.ONLINE, view().status());
        assertEquals(List.of(), pbx.sent(PbxAction.QueuePause.class));
    }

    @Test
    void endwrapupEndsItEarlyAndUnpauses() {
        loggedIn();
        callEnded(incoming("8000"));
        scheduler.advance(Duration.ofSeconds(4));

        assertTrue(scheduler.answer(engine.endWrapup(AGENT_9000)).ok());

        assertEquals(AgentStatus.ONLINE, view().status());
        assertEquals(new PbxAction.QueuePause("", MEMBER, false, ""), pbx.sent(PbxAction.QueuePause.class).get(1));
        assertEquals(Duration.ofSeconds(4), audit.snapshot().get(1).duration);
        assertEquals("endwrapup", last(AgentEvent.WrapupEnd.class).how());
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(2, pbx.sent(PbxAction.QueuePause.class).size(), "the timer was cancelled");
    }

    @Test
    void endwrapupRefusesAnAgentNotInWrapup() {
        loggedIn();

        EngineResult result = scheduler.answer(engine.endWrapup(AGENT_9000));

        assertEquals(417, result.failure().orElseThrow().code());
        assertEquals("Agent is not in wrap-up", result.failure().orElseThrow().message());
    }

    @Test
    void agentOnABreakWhenTheCallEndsGetsNoWrapup() {
        loggedIn();
        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, "Lunch")));
        scheduler.settle();
        pbx.sent.clear();

        callEnded(incoming("8000"));

        assertTrue(view().wrapup().isEmpty());
        assertEquals(2, view().pause().orElseThrow().breakId());
        assertEquals(List.of(), pbx.sent(PbxAction.QueuePause.class));
    }

    @Test
    void breakDuringWrapupEndsTheWrapupAndKeepsTheAgentPaused() {
        loggedIn();
        callEnded(incoming("8000"));

        assertTrue(scheduler.answer(engine.pause(AGENT_9000, 2, "Lunch")).ok());

        assertTrue(view().wrapup().isEmpty());
        assertEquals(2, view().pause().orElseThrow().breakId());
        assertEquals("break", last(AgentEvent.WrapupEnd.class).how());
        assertEquals(List.of(true, true), pbx.sent(PbxAction.QueuePause.class).stream().map(PbxAction.QueuePause::paused)
                .toList(), "never unpaused in between");
    }

    @Test
    void unpauseInAsteriskAfterTheWrapupsPauseEndsTheWrapup() {
        loggedIn();
        callEnded(incoming("8000"));

        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", false, "")));
        scheduler.settle();

        assertTrue(view().wrapup().isEmpty());
        assertEquals("asterisk", last(AgentEvent.WrapupEnd.class).how());
    }

    @Test
    void logoutDuringWrapupClosesItsRowAndUnpausesTheStaticMember() {
        loggedIn();
        callEnded(incoming("8000"));

        scheduler.answer(engine.logout(AGENT_9000));

        assertEquals(AgentStatus.OFFLINE, view().status());
        assertEquals(List.of(), audit.open());
        assertEquals(new PbxAction.QueuePause("", MEMBER, false, ""), pbx.sent(PbxAction.QueuePause.class).get(1));
        assertEquals("logout", last(AgentEvent.WrapupEnd.class).how());
    }

    @Test
    void wrapupGoesOnAcrossAnAmiReconnectWhileAsteriskKeepsThePause() {
        loggedIn();
        callEnded(incoming("8000"));
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_IDLE", "Channel", "Local/1001@agents-00000001;2"));
        members.add(snapshotMember("8000", true, WrapupControl.REASON));
        members.add(snapshotMember("8001", true, WrapupControl.REASON));

        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        assertEquals(new AgentView.Wrapup(TEN, TEN.plusSeconds(10)), view().wrapup().orElseThrow());
        assertTrue(view().pause().isEmpty(), "the wrap-up's pause is no break");
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(AgentStatus.ONLINE, view().status());
    }

    @Test
    void restartDuringWrapupContinuesThePreviousRunsRow() {
        audit.open(1, null, TEN.minusHours(1), null);
        long row = audit.open(1, WRAPUP_BREAK, TEN.minusSeconds(4), null);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_IDLE", "Channel", "Local/1001@agents-0000000a;2"));
        members.add(snapshotMember("8000", true, WrapupControl.REASON));

        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        AgentView.Wrapup wrapup = view().wrapup().orElseThrow();
        assertEquals(new AgentView.Wrapup(TEN.minusSeconds(4), TEN.plusSeconds(6)), wrapup,
                "the longest wrap-up its queue (8000, 10 s) gives, from the row's start");
        assertEquals(2, audit.open().size(), "no row opened: session and wrap-up continue");
        scheduler.advance(Duration.ofSeconds(6));
        assertEquals(AgentStatus.ONLINE, view().status());
        assertNotNull(audit.snapshot().stream().filter(r -> r.id == row).findFirst().orElseThrow().end);
        assertEquals(List.of(new PbxAction.QueuePause("", MEMBER, false, "")), pbx.sent(PbxAction.QueuePause.class));
    }

    @Test
    void pauseForAWrapupDialerdHasNoRowOfIsLifted() {
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_IDLE", "Channel", "Local/1001@agents-0000000a;2"));
        members.add(snapshotMember("8000", true, WrapupControl.REASON));

        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        assertEquals(AgentStatus.ONLINE, view().status());
        assertTrue(view().pause().isEmpty());
        assertEquals(List.of(new PbxAction.QueuePause("", MEMBER, false, "")), pbx.sent(PbxAction.QueuePause.class));
    }

    private void callEnded(CallLink call) {
        engine.announce(new AgentEvent.AgentUnlinked("Agent/9000", call, TEN, 60, false, 1));
        scheduler.settle();
    }

    private static CallLink incoming(String queue) {
        return new CallLink("incoming", 7, Optional.empty(), "5550000", "SIP/trunk-2", "3.1", queue, "SIP/trunk", TEN,
                TEN);
    }

    private <T extends AgentEvent> T last(Class<T> type) {
        T found = null;
        for (AgentEvent event : events) {
            if (type.isInstance(event)) {
                found = type.cast(event);
            }
        }
        return java.util.Objects.requireNonNull(found, "no " + type.getSimpleName());
    }

    private AgentView view() {
        return engine.view(AGENT_9000.channel()).orElseThrow();
    }

    private static PbxEvent.QueueMember member(String queue, boolean paused, String reason) {
        return new PbxEvent.QueueMember(queue, "Agent 9000", MEMBER, "Agent:9000", "dynamic", 0, 0, 1, paused, reason,
                false);
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), items);
    }

    private static Map<String, String> snapshotMember(String queue, boolean paused, String reason) {
        return Map.of("Event", "QueueMember", "Queue", queue, "Name", "x", "Location", MEMBER, "StateInterface", MEMBER,
                "Membership", "static", "Paused", paused ? "1" : "0", "PausedReason", reason, "Status", "1");
    }
}
