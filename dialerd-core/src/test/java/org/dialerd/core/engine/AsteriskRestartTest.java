package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asterisk restarted (or AMI was down): what it no longer has ends, with every event a console needs. */
class AsteriskRestartTest {
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final String CALLER = "Local/5557001@incoming-00000003;2";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryIncomingCalls calls = new MemoryIncomingCalls();
    private final MemoryAudit audit = new MemoryAudit(calls::apply);
    private final List<AgentEvent> events = new ArrayList<>();
    private final List<Map<String, String>> channels = new ArrayList<>();
    private final List<Map<String, String>> agentsList = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        engine = new AgentEngine(pbx, calls, audit, scheduler, clock,
                AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        pbx.replies = action -> action instanceof PbxAction.CoreShowChannels ? list(channels)
                : action instanceof PbxAction.Agents ? list(agentsList) : PbxReply.ok("Success");
        scheduler.answer(engine.track(List.of(AGENT_9000)));
        engine.monitorIncomingQueues(calls, Duration.ofMinutes(1));
        scheduler.answer(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        pbx.emit(new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000001;2", "1.1"));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8001", "Agent 9000",
                "Local/9000@agent-request", "Agent:9000", "dynamic", 0, 0, 1, false, "", false)));
        pbx.emit(new PbxEvent.QueueCallerJoin("8001", CALLER, "100.7", "100.6", "5557001", "Caller", 1, 1));
        pbx.emit(new PbxEvent.AgentConnect("8001", CALLER, "100.7", "100.6", "Local/9000@agent-request-00000004;1",
                "100.9", "Local/9000@agent-request", "Agent 9000", Duration.ofSeconds(2), Duration.ofSeconds(1)));
        scheduler.settle();
        assertEquals(AgentStatus.ONCALL, engine.view("Agent/9000").orElseThrow().status());
        events.clear();
    }

    @Test
    void restartEndsTheCallWithAgentUnlinkedThenLogsTheAgentOut() {
        // Asterisk restarted: no channels, nobody logged in, no members (trace 13: no Hangup was sent).
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_LOGGEDOFF"));
        pbx.emit(new PbxEvent.Shutdown(true));
        pbx.emit(new PbxEvent.Disconnected("AMI connection lost"));
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        List<String> kinds = events.stream().filter(e -> !(e instanceof AgentEvent.CallProgress)
                && !(e instanceof AgentEvent.QueueMembership)).map(e -> e.getClass().getSimpleName()).toList();
        // agentunlinked waits for its progress row today, so it may come after agentloggedout.
        assertEquals(List.of("AgentLoggedOut", "AgentUnlinked"), kinds.stream().sorted().toList());
        assertEquals("terminada", calls.row(1).status);
        assertEquals(List.of("OnQueue", "Success", "Hangup"), calls.row(1).progress);
        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(List.of(), audit.open());
    }

    @Test
    void callStillUpAfterAReconnectIsStillFollowed() {
        channels.add(Map.of("Event", "CoreShowChannel", "Channel", CALLER, "Uniqueid", "100.7"));
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_ONCALL", "Channel", "Local/1001@agents-00000001;2"));
        pbx.emit(new PbxEvent.Disconnected("AMI connection lost"));
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        assertEquals(List.of(), events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked).toList());
        assertEquals(AgentStatus.ONCALL, engine.view("Agent/9000").orElseThrow().status());

        pbx.emit(new PbxEvent.Hangup(CALLER, "100.7", "100.6", 16, "Normal Clearing"));
        scheduler.settle();
        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked).count());
        assertEquals(AgentStatus.ONLINE, engine.view("Agent/9000").orElseThrow().status());
    }

    @Test
    void callThatStartsWhileTheResyncRunsIsNotTakenForALostOne() {
        pbx.answers = action -> {
            if (action instanceof PbxAction.CoreShowChannels) {
                // Asterisk listed its channels, then a new caller joined before the list reached us.
                pbx.emit(new PbxEvent.QueueCallerJoin("8001", "Local/5557002@incoming-00000009;2", "100.20",
                        "100.19", "5557002", "Caller", 1, 1));
                return CompletableFuture.completedFuture(list(List.of(Map.of("Uniqueid", "100.7"))));
            }
            return CompletableFuture.completedFuture(pbx.replies.apply(action));
        };
        agentsList.add(Map.of("Agent", "9000", "Status", "AGENT_ONCALL"));
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        scheduler.settle();

        assertEquals(List.of("OnQueue"), calls.row(2).progress, "the new call is still waiting in its queue");
        assertEquals("en-cola", calls.row(2).status);
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), items);
    }
}
