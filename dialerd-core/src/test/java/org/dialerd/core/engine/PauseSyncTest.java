package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

/** Asterisk's pause state is the truth: whatever paused the member, the agent's break follows it. */
class PauseSyncTest {
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final String MEMBER = "Local/9000@agent-request";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryAudit audit = new MemoryAudit();
    private final List<AgentEvent> events = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        engine = new AgentEngine(pbx, audit, scheduler, clock, AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        scheduler.answer(engine.track(List.of(AGENT_9000)));
        engine.followBreaks(tipo -> List.of(new BreakStore.Break(2, "Lunch", "", true, 'B'),
                new BreakStore.Break(3, "Bathroom", "", true, 'B')), Duration.ofMinutes(1));
        scheduler.settle();
        scheduler.answer(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        pbx.emit(new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000001;2", "1.1"));
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8000", false, "")));
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8001", false, "")));
        scheduler.settle();
        events.clear();
        pbx.sent.clear();
    }

    @Test
    void pauseMadeInAsteriskBecomesTheBreakItsReasonNames() {
        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, "Lunch")));
        pbx.emit(new PbxEvent.QueueMemberPause(member("8001", true, "Lunch")));
        scheduler.settle();

        assertEquals(AgentStatus.PAUSED, view().status());
        assertEquals(2, view().pause().orElseThrow().breakId());
        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.PauseStart).count());
        assertEquals(Integer.valueOf(2), audit.open().get(1).breakId, "a break row is open");

        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", false, "")));
        scheduler.settle();
        assertEquals(AgentStatus.PAUSED, view().status(), "still paused in 8001: the queue gives it no calls");

        pbx.emit(new PbxEvent.QueueMemberPause(member("8001", false, "")));
        scheduler.settle();
        assertEquals(AgentStatus.ONLINE, view().status());
        assertTrue(events.get(events.size() - 1) instanceof AgentEvent.PauseEnd);
        assertEquals(1, audit.open().size(), "only the session row is still open");
    }

    @Test
    void pauseWhoseAnswerWasLostStillShowsWhatAsteriskDid() {
        pbx.answers = action -> {
            if (action instanceof PbxAction.QueuePause) {
                pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, "Bathroom")));
                pbx.emit(new PbxEvent.QueueMemberPause(member("8001", true, "Bathroom")));
                return CompletableFuture.failedFuture(new PbxNoAnswerException("AMI QueuePause: no answer within 5000 ms"));
            }
            return CompletableFuture.completedFuture(PbxReply.ok("Success"));
        };

        EngineResult result = scheduler.answer(engine.pause(AGENT_9000, 3, "Bathroom"));

        assertEquals(500, result.failure().orElseThrow().code(), "Asterisk did not confirm in time");
        assertEquals(AgentStatus.PAUSED, view().status(), "but it paused the member, and said so");
        assertEquals(3, view().pause().orElseThrow().breakId());
        assertEquals(Integer.valueOf(3), audit.open().get(1).breakId);
    }

    @Test
    void unpauseAlwaysAsksAsteriskEvenWhenDialerdThinksTheAgentIsOnline() {
        assertTrue(scheduler.answer(engine.unpause(AGENT_9000)).ok());

        assertEquals(List.of(new PbxAction.QueuePause("", MEMBER, false, "")), pbx.sent(PbxAction.QueuePause.class));
    }

    @Test
    void unpauseEndsABreakThatAsteriskHadAndDialerdHadLost() {
        pbx.emit(new PbxEvent.QueueMemberStatus(member("8000", true, "Lunch")));
        scheduler.settle();
        assertEquals(AgentStatus.PAUSED, view().status());

        assertTrue(scheduler.answer(engine.unpause(AGENT_9000)).ok());

        assertEquals(AgentStatus.ONLINE, view().status());
        assertEquals(1, pbx.sent(PbxAction.QueuePause.class).size());
        assertEquals(1, audit.open().size(), "the break row was closed");
    }

    @Test
    void reasonThatNamesNoBreakShowsThePauseWithoutABreakRow() {
        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, "Smoking")));
        scheduler.settle();

        AgentView.Pause pause = view().pause().orElseThrow();
        assertEquals(0, pause.breakId());
        assertEquals("Smoking", pause.breakName());
        assertEquals(1, audit.open().size(), "no break row without a break");

        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", false, "")));
        scheduler.settle();
        assertEquals(AgentStatus.ONLINE, view().status());
    }

    @Test
    void holdPausesAreNotBreaks() {
        pbx.emit(new PbxEvent.QueueMemberPause(member("8000", true, HoldControl.HOLD_REASON)));
        scheduler.settle();

        assertEquals(AgentStatus.ONLINE, view().status());
        assertNull(view().pause().orElse(null));
    }

    private AgentView view() {
        return engine.view(AGENT_9000.channel()).orElseThrow();
    }

    private static PbxEvent.QueueMember member(String queue, boolean paused, String reason) {
        return new PbxEvent.QueueMember(queue, "Agent 9000", MEMBER, "Agent:9000", "dynamic", 0, 0, 1, paused, reason,
                false);
    }
}
