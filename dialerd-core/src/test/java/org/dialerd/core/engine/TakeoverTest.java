package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.BreakStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dialerd (re)started while agents were working: state is rebuilt from Asterisk, and the audit
 * rows the previous run left open continue or are closed, never split or left open.
 */
class TakeoverTest {
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final LocalDateTime NINE = LocalDateTime.of(2026, 11, 22, 9, 0);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryAudit audit = new MemoryAudit();
    private final List<AgentEvent> events = new ArrayList<>();
    private final List<Map<String, String>> agentsList = new ArrayList<>();
    private final List<Map<String, String>> members = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        engine = new AgentEngine(pbx, audit, scheduler, clock, AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        pbx.replies = action -> action instanceof PbxAction.Agents ? list(agentsList)
                : action instanceof PbxAction.QueueStatus ? list(members) : PbxReply.ok("Success");
        scheduler.answer(engine.track(List.of(AGENT_9000, SIP_1001)));
        engine.followBreaks(tipo -> List.of(new BreakStore.Break(2, "Lunch", "", true, 'B')), Duration.ofMinutes(1));
        scheduler.settle();
    }

    @Test
    void agentStillLoggedInKeepsItsSessionRowAndItsBreakRow() {
        long session = audit.open(1, null, NINE, null);
        long lunch = audit.open(1, 2, NINE.plusMinutes(45), null);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_IDLE", "Channel", "Local/1001@agents-0000000a;2"));
        members.add(member("8000", "Local/9000@agent-request", "static", true, "Lunch"));

        connected();

        AgentView view = engine.view("Agent/9000").orElseThrow();
        assertEquals(AgentStatus.PAUSED, view.status());
        assertEquals(Optional.of(NINE), view.loginStart(), "the session goes on from where it began");
        assertEquals(new AgentView.Pause(2, "Lunch", NINE.plusMinutes(45)), view.pause().orElseThrow());
        assertEquals(2, audit.snapshot().size(), "no row opened: both continue");
        assertEquals(List.of(session, lunch), audit.open().stream().map(r -> r.id).toList());
        assertTrue(events.contains(new AgentEvent.AgentLoggedIn("Agent/9000")));

        assertTrue(scheduler.answer(engine.unpause(AGENT_9000)).ok());
        assertEquals(List.of(new PbxAction.QueuePause("", "Local/9000@agent-request", false, "")),
                pbx.sent(PbxAction.QueuePause.class), "Asterisk is unpaused too");
        assertNotNull(audit.snapshot().get(1).end, "the inherited break row is the one closed");
        assertEquals(Duration.ofMinutes(15), audit.snapshot().get(1).duration);
        assertNull(audit.snapshot().get(0).end);
    }

    @Test
    void rowsOfAgentsAsteriskNoLongerHasAreClosedAtTheLastKnownTime() {
        audit.open(6, null, NINE, null);
        audit.open(1, null, NINE, null);
        audit.open(1, 2, NINE.plusMinutes(10), null);
        audit.lastKnown = NINE.plusMinutes(30);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));

        connected();

        assertEquals(List.of(), audit.open());
        assertTrue(audit.snapshot().stream().allMatch(r -> r.end.equals(NINE.plusMinutes(30))));
        assertEquals(Duration.ofMinutes(20), audit.snapshot().get(2).duration);
        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9000").orElseThrow().status());
    }

    @Test
    void dynamicMemberAsteriskHasIsTakenOverWithItsSessionRow() {
        long session = audit.open(6, null, NINE, null);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));
        members.add(member("8000", "SIP/1001", "dynamic", false, ""));
        members.add(member("8001", "SIP/1001", "dynamic", false, ""));

        connected();

        AgentView view = engine.view("SIP/1001").orElseThrow();
        assertEquals(AgentStatus.ONLINE, view.status());
        assertEquals(List.of("8000", "8001"), view.queues());
        assertEquals(Optional.of("1001"), view.extension());
        assertEquals(List.of(session), audit.open().stream().map(r -> r.id).toList());
    }

    @Test
    void rowsWaitForAResyncThatGotItsAnswers() {
        audit.open(1, null, NINE, null);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));
        pbx.answers = action -> action instanceof PbxAction.Agents
                ? CompletableFuture.failedFuture(new PbxNoAnswerException("AMI Agents: no answer within 5000 ms"))
                : CompletableFuture.completedFuture(pbx.replies.apply(action));

        connected();
        assertEquals(1, audit.open().size(), "Asterisk did not say who is logged in: nothing is decided");

        pbx.answers = action -> CompletableFuture.completedFuture(pbx.replies.apply(action));
        connected();
        assertEquals(List.of(), audit.open());
    }

    @Test
    void memberLeftPausedByAHoldDialerdDoesNotKnowIsUnpaused() {
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_IDLE", "Channel", "Local/1001@agents-0000000a;2"));
        members.add(member("8000", "Local/9000@agent-request", "static", true, HoldControl.HOLD_REASON));

        connected();

        assertEquals(AgentStatus.ONLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(List.of(new PbxAction.QueuePause("", "Local/9000@agent-request", false, "")),
                pbx.sent(PbxAction.QueuePause.class));
    }

    @Test
    void stopBeforeAnyResyncClosesTheInheritedRows() {
        audit.open(1, null, NINE, null);
        scheduler.answer(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of()));

        scheduler.answer(engine.closeAllAudits());

        assertEquals(List.of(), audit.open());
    }

    private void connected() {
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), items);
    }

    private static Map<String, String> member(String queue, String iface, String membership, boolean paused,
                                              String reason) {
        return Map.of("Event", "QueueMember", "Queue", queue, "Name", "x", "Location", iface, "StateInterface", iface,
                "Membership", membership, "Paused", paused ? "1" : "0", "PausedReason", reason, "Status", "1");
    }
}
