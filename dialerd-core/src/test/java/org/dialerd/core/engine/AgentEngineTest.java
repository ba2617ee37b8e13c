package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentEngineTest {
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final List<Membership> QUEUES = List.of(new Membership("8000", 0), new Membership("8001", 2));

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
        run(engine.track(List.of(AGENT_9000, SIP_1001)));
    }

    private <T> T run(CompletableFuture<T> future) {
        scheduler.runUntilIdle();
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }

    private AgentView view(Agent agent) {
        return engine.view(agent.channel()).orElseThrow();
    }

    private void loginStatic() {
        assertEquals(Optional.of("logging"), run(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(),
                Optional.empty())).status());
        pbx.emit(new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000001;2", "1.1"));
        scheduler.runUntilIdle();
    }

    @Test
    void staticAgentLogsInThroughAgentLogin() {
        EngineResult result = run(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        assertEquals(Optional.of("logging"), result.status());
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        assertEquals("Local/1001@agents", originate.channel());
        assertEquals("AgentLogin", originate.application());
        assertEquals("9000", originate.data());
        assertTrue(view(AGENT_9000).logging());
        assertEquals(AgentStatus.OFFLINE, view(AGENT_9000).status());

        pbx.emit(new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000001;2", "1.1"));
        scheduler.runUntilIdle();
        assertEquals(AgentStatus.ONLINE, view(AGENT_9000).status());
        assertEquals(Optional.of("Local/1001@agents-00000001;2"), view(AGENT_9000).channel());
        assertEquals(Optional.of("1001"), view(AGENT_9000).extension());
        assertEquals(List.of(new AgentEvent.AgentLoggedIn("Agent/9000")), events);
        assertEquals(1, audit.open().size());
        assertEquals(null, audit.open().get(0).breakId);
    }

    @Test
    void failedLoginCallEmitsAgentFailedLogin() {
        run(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        String actionId = pbx.sent(PbxAction.Originate.class).get(0).actionId();
        pbx.emit(new PbxEvent.OriginateResponse(actionId, false, 3, "Local/1001@agents", "", "", ""));
        scheduler.runUntilIdle();
        assertEquals(List.of(new AgentEvent.AgentFailedLogin("Agent/9000")), events);
        assertFalse(view(AGENT_9000).logging());
        assertTrue(view(AGENT_9000).extension().isEmpty());
    }

    @Test
    void asteriskRefusingTheLoginCallIs500() {
        pbx.replies = action -> PbxReply.error("Originate failed");
        EngineResult result = run(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        assertEquals(500, result.failure().orElseThrow().code());
        assertEquals(Optional.of("logged-out"), result.status());
        assertFalse(view(AGENT_9000).logging());
    }

    @Test
    void agentOnAnotherExtensionIsRefusedWith409() {
        loginStatic();
        EngineResult result = run(engine.login(AGENT_9000, "1002", "Local/1002@agents", List.of(), Optional.empty()));
        assertEquals(new EngineResult.Failure(409, "Specified agent already connected to extension: 1001"),
                result.failure().orElseThrow());
    }

    @Test
    void dynamicAgentLogsInByQueueAddToEachQueue() {
        EngineResult result = run(engine.login(SIP_1001, "1001", "SIP/1001", QUEUES, Optional.empty()));
        assertEquals(Optional.of("logged-in"), result.status());
        List<PbxAction.QueueAdd> adds = pbx.sent(PbxAction.QueueAdd.class);
        assertEquals(2, adds.size());
        assertEquals(new PbxAction.QueueAdd("8001", "SIP/1001", "SIP 1001", "SIP/1001", 2, false), adds.get(1));
        assertEquals(AgentStatus.ONLINE, view(SIP_1001).status());
        assertEquals(List.of(new AgentEvent.AgentLoggedIn("SIP/1001")), events);
    }

    @Test
    void dynamicAgentWithoutQueuesGetsAClearFailure() {
        EngineResult result = run(engine.login(SIP_1001, "1001", "SIP/1001", List.of(), Optional.empty()));
        assertEquals(417, result.failure().orElseThrow().code());
        assertTrue(pbx.sent.isEmpty());
    }

    @Test
    void refusedQueueAddUndoesTheOthers() {
        pbx.replies = action -> action instanceof PbxAction.QueueAdd add && add.queue().equals("8001")
                ? PbxReply.error("Unable to add interface: No such queue") : PbxReply.ok("Success");
        EngineResult result = run(engine.login(SIP_1001, "1001", "SIP/1001", QUEUES, Optional.empty()));
        assertEquals(500, result.failure().orElseThrow().code());
        assertEquals(List.of(new PbxAction.QueueRemove("8000", "SIP/1001")), pbx.sent(PbxAction.QueueRemove.class));
        assertEquals(AgentStatus.OFFLINE, view(SIP_1001).status());
    }

    @Test
    void pauseAndUnpauseWriteBreakAuditAndEvents() {
        loginStatic();
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8000", "Local/9000@agent-request")));
        scheduler.runUntilIdle();
        events.clear();
        assertTrue(run(engine.pause(AGENT_9000, 2, "Lunch")).ok());
        PbxAction.QueuePause pause = pbx.sent(PbxAction.QueuePause.class).get(0);
        assertEquals("Local/9000@agent-request", pause.iface());
        assertEquals("Lunch", pause.reason());
        assertTrue(pause.paused());
        assertEquals(AgentStatus.PAUSED, view(AGENT_9000).status());
        assertEquals(2, view(AGENT_9000).pause().orElseThrow().breakId());

        assertTrue(run(engine.unpause(AGENT_9000)).ok());
        assertEquals(AgentStatus.ONLINE, view(AGENT_9000).status());
        assertTrue(events.get(0) instanceof AgentEvent.PauseStart);
        assertTrue(events.get(1) instanceof AgentEvent.PauseEnd);
        MemoryAudit.Row breakRow = audit.snapshot().get(1);
        assertEquals(Integer.valueOf(2), breakRow.breakId);
        assertNotNull(breakRow.end);
    }

    @Test
    void agentInNoQueueTakesABreakWithoutAskingAsterisk() {
        loginStatic();
        assertTrue(run(engine.pause(AGENT_9000, 2, "Lunch")).ok());
        assertEquals(List.of(), pbx.sent(PbxAction.QueuePause.class));
        assertEquals(AgentStatus.PAUSED, view(AGENT_9000).status());
    }

    @Test
    void pauseOfAnAgentNotLoggedInIs417() {
        assertEquals(new EngineResult.Failure(417, "Agent currently not logged in"),
                run(engine.pause(AGENT_9000, 2, "Lunch")).failure().orElseThrow());
    }

    @Test
    void secondBreakOfAnotherKindIsIncompatible() {
        loginStatic();
        run(engine.pause(AGENT_9000, 2, "Lunch"));
        assertEquals(417, run(engine.pause(AGENT_9000, 3, "Bathroom")).failure().orElseThrow().code());
    }

    @Test
    void loginChannelHangingUpMidBreakClosesBothAuditRows() {
        loginStatic();
        run(engine.pause(AGENT_9000, 2, "Lunch"));
        pbx.emit(new PbxEvent.Hangup("Local/1001@agents-00000001;2", "1.1", "1.1", 16, "Normal Clearing"));
        scheduler.runUntilIdle();
        assertEquals(AgentStatus.OFFLINE, view(AGENT_9000).status());
        assertTrue(events.contains(new AgentEvent.AgentLoggedOut("Agent/9000")));
        assertEquals(2, audit.snapshot().size());
        assertEquals(List.of(), audit.open());
    }

    @Test
    void agentLogoffEventLogsTheAgentOut() {
        loginStatic();
        pbx.emit(new PbxEvent.AgentLogoff("9000", Duration.ofSeconds(30)));
        scheduler.runUntilIdle();
        assertEquals(AgentStatus.OFFLINE, view(AGENT_9000).status());
    }

    @Test
    void logoutOfAStaticAgentSendsAgentLogoff() {
        loginStatic();
        assertEquals(Optional.of("logged-out"), run(engine.logout(AGENT_9000)).status());
        assertEquals(List.of(new PbxAction.AgentLogoff("9000", false)), pbx.sent(PbxAction.AgentLogoff.class));
        assertEquals(List.of(), audit.open());
    }

    @Test
    void logoutOfADynamicAgentRemovesItFromItsQueues() {
        run(engine.login(SIP_1001, "1001", "SIP/1001", QUEUES, Optional.empty()));
        for (Membership m : QUEUES) {
            pbx.emit(new PbxEvent.QueueMemberAdded(member(m.queue(), "SIP/1001")));
        }
        scheduler.runUntilIdle();
        assertEquals(List.of("8000", "8001"), view(SIP_1001).queues());
        run(engine.logout(SIP_1001));
        assertEquals(2, pbx.sent(PbxAction.QueueRemove.class).size());
        assertEquals(AgentStatus.OFFLINE, view(SIP_1001).status());
    }

    @Test
    void queueMembershipChangesAreEvents() {
        pbx.emit(new PbxEvent.QueueMemberAdded(member("8000", "Local/9000@agent-request")));
        scheduler.runUntilIdle();
        assertEquals(List.of("8000"), view(AGENT_9000).queues());
        AgentEvent.QueueMembership event = (AgentEvent.QueueMembership) events.get(0);
        assertEquals(List.of("8000"), event.queues());
    }

    @Test
    void loginWithTimeoutLogsOutWithoutPing() {
        run(engine.login(SIP_1001, "1001", "SIP/1001", QUEUES, Optional.of(Duration.ofSeconds(30))));
        scheduler.advance(Duration.ofSeconds(20));
        run(engine.ping(SIP_1001));
        scheduler.advance(Duration.ofSeconds(20));
        assertEquals(AgentStatus.ONLINE, view(SIP_1001).status());
        scheduler.advance(Duration.ofSeconds(15));
        assertEquals(AgentStatus.OFFLINE, view(SIP_1001).status());
    }

    @Test
    void daemonStopClosesOpenSessionsAndBreaks() {
        loginStatic();
        run(engine.pause(AGENT_9000, 2, "Lunch"));
        run(engine.closeAllAudits());
        assertEquals(List.of(), audit.open());
    }

    @Test
    void reconnectLogsOutAgentsAsteriskNoLongerHas() {
        loginStatic();
        run(engine.pause(AGENT_9000, 2, "Lunch"));
        run(engine.login(SIP_1001, "1001", "SIP/1001", QUEUES, Optional.empty()));
        // Asterisk restarted: nobody is logged in, the queues are empty.
        pbx.replies = action -> action instanceof PbxAction.Agents
                ? new PbxReply(true, "", java.util.Map.of(), List.of(), List.of(java.util.Map.of("Agent", "9000",
                        "Status", "AGENT_LOGGEDOFF")))
                : PbxReply.ok("Success");
        pbx.emit(new PbxEvent.Disconnected("EOF"));
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.runUntilIdle();
        assertEquals(AgentStatus.OFFLINE, view(AGENT_9000).status());
        assertEquals(AgentStatus.OFFLINE, view(SIP_1001).status());
        assertEquals(List.of(), audit.open());
    }

    @Test
    void staticAgentLoggedInOnAsteriskIsTakenOverAfterConnect() {
        pbx.replies = action -> action instanceof PbxAction.Agents
                ? new PbxReply(true, "", java.util.Map.of(), List.of(), List.of(java.util.Map.of("Agent", "9000",
                        "Status", "AGENT_IDLE", "Channel", "Local/1003@agents-00000007;2")))
                : PbxReply.ok("Success");
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.runUntilIdle();
        assertEquals(AgentStatus.ONLINE, view(AGENT_9000).status());
        assertEquals(Optional.of("1003"), view(AGENT_9000).extension());
        assertTrue(events.contains(new AgentEvent.AgentLoggedIn("Agent/9000")));
    }

    private static PbxEvent.QueueMember member(String queue, String iface) {
        return new PbxEvent.QueueMember(queue, "x", iface, iface, "dynamic", 0, 0, 1, false, "", false);
    }
}
