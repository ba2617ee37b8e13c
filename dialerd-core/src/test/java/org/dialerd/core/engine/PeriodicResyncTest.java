package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.metrics.ResyncCorrection;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resync every interval while AMI stays up: what Asterisk's lost events left wrong is set
 * right within one interval, one pass at a time, never over what happened while its lists were
 * on their way, and silently when nothing was wrong.
 */
class PeriodicResyncTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true,
            Optional.of("demo"));
    private static final String LOGIN_CHANNEL = "Local/1001@agents-00000001;2";
    private static final String CALLER = "Local/5557001@incoming-00000003;2";
    private static final Map<String, String> LOGGED_IN = Map.of("Agent", "9000", "Status", "AGENT_IDLE",
            "Channel", LOGIN_CHANNEL);
    private static final PbxEvent.QueueMember MEMBER_8001 = new PbxEvent.QueueMember("8001", "Agent 9000",
            "Local/9000@agent-request", "Agent:9000", "static", 0, 0, 1, false, "", false);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryIncomingCalls calls = new MemoryIncomingCalls();
    private final MemoryAudit audit = new MemoryAudit(calls::apply);
    private final List<AgentEvent> events = new ArrayList<>();
    private final CountingMetrics metrics = new CountingMetrics();
    /** What Asterisk lists now. */
    private final List<Map<String, String>> channels = new ArrayList<>();
    private final List<Map<String, String>> agents = new ArrayList<>();
    private final List<Map<String, String>> members = new ArrayList<>();
    private AgentEngine engine;

    /** Runs and corrections as the metrics port receives them. */
    static final class CountingMetrics implements EngineMetrics {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final Map<ResyncCorrection, Integer> corrections = new EnumMap<>(ResyncCorrection.class);

        @Override
        public void resyncRun(String trigger) {
            runs.add(trigger);
        }

        @Override
        public synchronized void resyncCorrected(ResyncCorrection kind, int count) {
            corrections.merge(kind, count, Integer::sum);
        }
    }

    @BeforeEach
    void agentOnAnIncomingCall() {
        engine = new AgentEngine(pbx, calls, audit, scheduler, scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")),
                AgentEngineSettings.DEFAULTS);
        engine.reportTo(metrics);
        engine.addListener(events::add);
        pbx.replies = action -> action instanceof PbxAction.CoreShowChannels ? list(channels)
                : action instanceof PbxAction.Agents ? list(agents)
                : action instanceof PbxAction.QueueStatus ? list(members) : PbxReply.ok("Success");
        scheduler.answer(engine.track(List.of(AGENT_9000)));
        engine.monitorIncomingQueues(calls, Duration.ofHours(1));
        scheduler.answer(engine.login(AGENT_9000, "1001", "Local/1001@agents", List.of(), Optional.empty()));
        pbx.emit(new PbxEvent.AgentLogin("9000", LOGIN_CHANNEL, "1.1"));
        pbx.emit(new PbxEvent.QueueMemberAdded(MEMBER_8001));
        pbx.emit(new PbxEvent.QueueCallerJoin("8001", CALLER, "100.7", "100.6", "5557001", "Caller", 1, 1));
        pbx.emit(new PbxEvent.AgentConnect("8001", CALLER, "100.7", "100.6", "Local/9000@agent-request-00000004;1",
                "100.9", "Local/9000@agent-request", "Agent 9000", Duration.ofSeconds(2), Duration.ofSeconds(1)));
        scheduler.settle();
        assertEquals(AgentStatus.ONCALL, engine.view("Agent/9000").orElseThrow().status());
        // What Asterisk has now: the call, the agent logged in, its membership.
        channels.add(Map.of("Channel", CALLER, "Uniqueid", "100.7"));
        agents.add(LOGGED_IN);
        members.add(memberItem(false, ""));
        engine.resyncEvery(INTERVAL);
        scheduler.settle();
        events.clear();
        pbx.sent.clear();
    }

    @Test
    void aLinkedCallWhoseEndEventsWereLostEndsWithinOneInterval() {
        channels.clear(); // Hangup and AgentComplete never came; the connection stayed up
        scheduler.advance(INTERVAL.minusSeconds(1));
        assertEquals(List.of(), pbx.sent(PbxAction.CoreShowChannels.class), "not before the interval");

        scheduler.advance(Duration.ofSeconds(1));
        scheduler.settle();

        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked).count());
        assertEquals("terminada", calls.row(1).status);
        assertEquals(List.of("OnQueue", "Success", "Hangup"), calls.row(1).progress);
        assertEquals(AgentStatus.ONLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(List.of("periodic"), metrics.runs);
        assertEquals(Map.of(ResyncCorrection.CALL_ENDED, 1), metrics.corrections);
    }

    @Test
    void anAgentWhoseLogoffWasLostIsLoggedOutWithItsAuditClosed() {
        channels.clear();
        agents.set(0, Map.of("Agent", "9000", "Status", "AGENT_LOGGEDOFF"));

        scheduler.advance(INTERVAL);
        scheduler.settle();

        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentLoggedOut).count());
        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(List.of(), audit.open());
        assertEquals(1, metrics.corrections.get(ResyncCorrection.AGENT_LOGGED_OUT));
    }

    @Test
    void nothingWrongMeansNothingChangesAndNothingIsLoggedAtInfo() {
        try (LogCapture resyncLog = new LogCapture(AgentResync.class)) {
            scheduler.advance(INTERVAL.multipliedBy(3));
            scheduler.settle();

            assertEquals(3, pbx.sent(PbxAction.CoreShowChannels.class).size(), "one pass per interval");
            assertEquals(List.of(), events);
            assertEquals(AgentStatus.ONCALL, engine.view("Agent/9000").orElseThrow().status());
            assertEquals(List.of(), resyncLog.visible());
            assertEquals(List.of("periodic", "periodic", "periodic"), metrics.runs);
            assertEquals(Map.of(), metrics.corrections);
        }
    }

    @Test
    void aCorrectionIsLoggedAtInfoNamingWhatWasSetRight() {
        channels.clear();
        try (LogCapture resyncLog = new LogCapture(AgentResync.class)) {
            scheduler.advance(INTERVAL);
            scheduler.settle();

            assertEquals(List.of("INFO periodic resync with Asterisk corrected what dialerd had missed: 1 call_ended"),
                    resyncLog.visible());
        }
    }

    @Test
    void aTickWhileAPassRunsIsSkipped() {
        CompletableFuture<PbxReply> slowList = new CompletableFuture<>();
        pbx.answers = action -> action instanceof PbxAction.CoreShowChannels ? slowList
                : CompletableFuture.completedFuture(pbx.replies.apply(action));

        scheduler.advance(INTERVAL.multipliedBy(3));
        scheduler.settle();
        assertEquals(1, pbx.sent(PbxAction.CoreShowChannels.class).size(), "the first pass still waits");

        slowList.complete(list(channels));
        scheduler.settle();
        scheduler.advance(INTERVAL);
        scheduler.settle();
        assertEquals(2, pbx.sent(PbxAction.CoreShowChannels.class).size(), "the next tick after it ran");
    }

    @Test
    void noPassWhileAmiIsDown() {
        pbx.connected = false;
        scheduler.advance(INTERVAL.multipliedBy(2));
        scheduler.settle();

        assertEquals(List.of(), pbx.sent(PbxAction.CoreShowChannels.class));
        pbx.connected = true;
        scheduler.advance(INTERVAL);
        scheduler.settle();
        assertEquals(1, pbx.sent(PbxAction.CoreShowChannels.class).size());
    }

    @Test
    void aLogoffWhileTheListsAreOnTheirWayIsNotUndoneByTheirLogin() {
        pbx.answers = action -> {
            if (action instanceof PbxAction.Agents) {
                // Asterisk listed the agent logged in; its AgentLogoff came before the other lists.
                pbx.emit(new PbxEvent.AgentLogoff("9000", Duration.ofSeconds(60)));
            }
            return CompletableFuture.completedFuture(pbx.replies.apply(action));
        };

        scheduler.advance(INTERVAL);
        scheduler.settle();

        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentLoggedOut).count());
        assertEquals(0, events.stream().filter(e -> e instanceof AgentEvent.AgentLoggedIn).count());
    }

    @Test
    void aQueueLeftWhileTheListsAreOnTheirWayStaysLeft() {
        pbx.answers = action -> {
            if (action instanceof PbxAction.QueueStatus) {
                pbx.emit(new PbxEvent.QueueMemberRemoved(MEMBER_8001));
            }
            return CompletableFuture.completedFuture(pbx.replies.apply(action));
        };

        scheduler.advance(INTERVAL);
        scheduler.settle();

        assertEquals(List.of(), engine.view("Agent/9000").orElseThrow().queues());
    }

    @Test
    void aPauseMadeAtTheConsoleOfAsteriskIsPickedUp() {
        members.set(0, memberItem(true, "Somewhere"));

        scheduler.advance(INTERVAL);
        scheduler.settle();

        assertEquals(AgentStatus.PAUSED, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(1, metrics.corrections.get(ResyncCorrection.PAUSE_CORRECTED));
    }

    @Test
    void cancelledItRunsNoMore() {
        EngineScheduler.Cancellable second = engine.resyncEvery(Duration.ofSeconds(10));
        scheduler.settle();
        second.cancel();
        scheduler.settle();

        scheduler.advance(INTERVAL);
        scheduler.settle();

        assertEquals(1, pbx.sent(PbxAction.CoreShowChannels.class).size(), "only the first one's pass");
        assertTrue(metrics.runs.stream().allMatch("periodic"::equals));
    }

    private static Map<String, String> memberItem(boolean paused, String reason) {
        return Map.of("Event", "QueueMember", "Queue", "8001", "Name", "Agent 9000",
                "Location", "Local/9000@agent-request", "StateInterface", "Agent:9000", "Membership", "static",
                "Paused", paused ? "1" : "0", "PausedReason", reason);
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), List.copyOf(items));
    }
}
