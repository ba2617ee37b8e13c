package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** atxfercall followed to its end with the events trace 10 recorded: completed, failed, never started. */
class TransferFollowerTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final String CALLER = "Local/5557001@incoming-00000003;2";
    private static final String AGENT_LEG = "Local/1001@agents-0000003c;1";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryIncomingCalls calls = new MemoryIncomingCalls();
    private final List<AgentEvent> events = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, calls, new MemoryAudit(calls::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        scheduler.answer(engine.track(List.of(SIP_1001)));
        engine.monitorIncomingQueues(calls, Duration.ofMinutes(1));
        scheduler.answer(engine.login(SIP_1001, "1001", "Local/1001@agents", List.of(new Membership("8001", 0)),
                Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8001", "SIP 1001", "Local/1001@agents",
                "Local/1001@agents", "dynamic", 0, 0, 1, false, "", false)));
        pbx.emit(new PbxEvent.QueueCallerJoin("8001", CALLER, "100.7", "100.6", "5557001", "Caller", 1, 1));
        pbx.emit(new PbxEvent.AgentConnect("8001", CALLER, "100.7", "100.6", AGENT_LEG, "100.9",
                "Local/1001@agents", "SIP 1001", Duration.ofSeconds(2), Duration.ofSeconds(1)));
        scheduler.settle();
        events.clear();
    }

    @Test
    void transferToAnExtensionThatDoesNotExistIsReportedAndTheCallStaysWithTheAgent() {
        assertTrue(scheduler.answer(engine.attendedTransfer(SIP_1001, AGENT_LEG, "from-internal", "5555")).ok());
        assertEquals(List.of(new PbxAction.Atxfer(AGENT_LEG, "from-internal", "5555")),
                pbx.sent(PbxAction.Atxfer.class));

        pbx.emit(new PbxEvent.Hold(AGENT_LEG, "100.9"));
        scheduler.advance(Duration.ofMillis(6500)); // Asterisk's digit timeout: no such extension
        pbx.emit(new PbxEvent.Unhold(AGENT_LEG, "100.9"));
        scheduler.settle();

        AgentEvent.TransferFailed failed = (AgentEvent.TransferFailed) events.get(0);
        assertEquals("5555", failed.extension());
        assertEquals(calls.row(1).id, failed.call().callId());
        assertEquals(AgentStatus.ONCALL, engine.view("SIP/1001").orElseThrow().status());
        assertEquals("activa", calls.row(1).status);
    }

    @Test
    void completedTransferEndsTheAgentsCallWithItsDestination() {
        scheduler.answer(engine.attendedTransfer(SIP_1001, AGENT_LEG, "from-internal", "1002"));
        pbx.emit(new PbxEvent.Hold(AGENT_LEG, "100.9"));
        pbx.emit(new PbxEvent.AttendedTransfer(AGENT_LEG, "Local/1001@agents-0000003f;1", "Success"));
        scheduler.settle();

        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked).count());
        assertEquals(List.of(), events.stream().filter(e -> e instanceof AgentEvent.TransferFailed).toList());
        assertEquals(AgentStatus.ONLINE, engine.view("SIP/1001").orElseThrow().status());
        assertEquals("terminada", calls.row(1).status);

        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), events.stream().filter(e -> e instanceof AgentEvent.TransferFailed).toList(),
                "nothing more is said about a completed transfer");
    }

    @Test
    void transferAsteriskNeverStartsIsReportedAfterTheStartTimeout() {
        scheduler.answer(engine.attendedTransfer(SIP_1001, AGENT_LEG, "from-internal", "1002"));

        scheduler.advance(TransferFollower.START_TIMEOUT);
        scheduler.settle();

        assertEquals("Asterisk did not start the transfer", ((AgentEvent.TransferFailed) events.get(0)).cause());
    }

    @Test
    void refusedAtxferIsAnAnswerNotAnEvent() {
        pbx.replies = action -> PbxReply.error("No such channel");

        EngineResult result = scheduler.answer(engine.attendedTransfer(SIP_1001, AGENT_LEG, "from-internal", "1002"));
        scheduler.advance(Duration.ofMinutes(1));
        scheduler.settle();

        assertEquals(new EngineResult.Failure(500, "Cannot transfer agent call"), result.failure().orElseThrow());
        assertEquals(List.of(), events);
    }

    @Test
    void afterAHoldTheTransferActsOnTheLegThatRetrievedTheCall() {
        assertTrue(scheduler.answer(engine.hold(SIP_1001)).ok());
        pbx.emit(new PbxEvent.ParkedCall(CALLER, "100.7", "701", "default"));
        assertTrue(scheduler.answer(engine.unhold(SIP_1001)).ok());
        String retriever = "Local/1001@agents-00000041;1";
        pbx.emit(new PbxEvent.UnParkedCall(CALLER, "100.7", "701", retriever));
        scheduler.settle();

        assertEquals(retriever, engine.view("SIP/1001").orElseThrow().call().orElseThrow().agentChannel());
        assertTrue(scheduler.answer(engine.attendedTransfer(SIP_1001, retriever, "from-internal", "1002")).ok());
        assertEquals(List.of(new PbxAction.Atxfer(retriever, "from-internal", "1002")),
                pbx.sent(PbxAction.Atxfer.class));
    }
}
