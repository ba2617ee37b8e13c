package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineScheduler;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded Asterisk 22 sessions fed through the real AMI adapter into the agent engine: the
 * engine state and audit rows they must produce.
 */
class AgentEngineTraceReplayTest {
    private static final String END = "end-of-replay";
    private static final String INTERNAL_ID = "1234_56#";
    private static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.empty());
    private static final Agent AGENT_9001 = new Agent(2, AgentType.AGENT, "9001", "Agent 9001", true, Optional.empty());
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "Agent 1001", true, Optional.empty());

    private FakeAmiServer server;
    private AmiGateway gateway;
    private AgentEngine engine;
    private final Audit audit = new Audit();
    private final List<AgentEvent> agentEvents = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> endOfReplay = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer("dialerd", "dialerd");
        gateway = new AmiGateway(TestSettings.forPort(server.port()));
        engine = new AgentEngine(gateway, audit, EngineScheduler.singleThread("test-engine"),
                Clock.systemUTC(), AgentEngineSettings.DEFAULTS);
        engine.addListener(agentEvents::add);
        gateway.addListener(event -> {
            if (event instanceof PbxEvent.OriginateResponse o && o.actionId().equals(END)) {
                endOfReplay.complete(null);
            } else if (event instanceof PbxEvent.Connected) {
                connected.complete(null);
            }
        });
        engine.track(List.of(AGENT_9000, AGENT_9001, SIP_1001)).get(5, TimeUnit.SECONDS);
        gateway.start();
        server.awaitLogin(Duration.ofSeconds(10));
        connected.get(10, TimeUnit.SECONDS);
        // The resync every connection starts is done before the test acts (this fake Asterisk
        // reports no members, so a login racing it would be reconciled away).
        engine.resync().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        server.close();
    }

    /** Writes the recorded events, then waits until the engine has handled all of them. */
    private void replay(AmiTrace.Segment segment) throws Exception {
        List<AmiPacket> packets = new ArrayList<>();
        for (AmiPacket p : segment.events()) {
            if (!Set.of("FullyBooted", "SuccessfulAuth").contains(p.name())) {
                packets.add(p.get("ActionID") == null ? p : p.withActionId(INTERNAL_ID + p.get("ActionID")));
            }
        }
        packets.add(AmiPacket.of("Event: OriginateResponse", "Privilege: call,all", "ActionID: " + INTERNAL_ID + END,
                "Response: Success", "Channel: Local/0@marker-00000000;1", "Reason: 4", "Uniqueid: 0.0"));
        server.write(packets);
        endOfReplay.get(20, TimeUnit.SECONDS);
        engine.ping(AGENT_9000).get(5, TimeUnit.SECONDS); // runs after every event already handed over
    }

    @Test
    void staticAgentsLoggingInAndOffOnThePhoneAreTrackedAndAudited() throws Exception {
        replay(AmiTrace.load("03").segments().get(0));

        assertEquals(List.of(new AgentEvent.AgentLoggedIn("Agent/9000"), new AgentEvent.AgentLoggedOut("Agent/9000"),
                        new AgentEvent.AgentLoggedIn("Agent/9001"), new AgentEvent.AgentLoggedOut("Agent/9001")),
                agentEvents.stream().filter(e -> !(e instanceof AgentEvent.QueueMembership)).toList());
        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9000").orElseThrow().status());
        assertEquals(AgentStatus.OFFLINE, engine.view("Agent/9001").orElseThrow().status());
        assertEquals(List.of(List.of("8000"), List.of()), agentEvents.stream()
                .filter(e -> e instanceof AgentEvent.QueueMembership m && m.agentNumber().equals("Agent/9000"))
                .map(e -> ((AgentEvent.QueueMembership) e).queues()).toList(), "added, then removed");
        assertEquals(List.of(), engine.view("Agent/9000").orElseThrow().queues());
        assertEquals(2, audit.rows.size());
        assertTrue(audit.rows.stream().allMatch(row -> row.end != null), "sessions closed");
    }

    @Test
    void dynamicAgentRemovedFromItsLastQueueIsLoggedOut() throws Exception {
        engine.login(SIP_1001, "1001", "Local/1001@agents", List.of(new Membership("8000", 0)), Optional.empty())
                .get(10, TimeUnit.SECONDS);
        assertEquals(AgentStatus.ONLINE, engine.view("SIP/1001").orElseThrow().status());

        replay(AmiTrace.load("02").segments().get(0));

        assertEquals(AgentStatus.OFFLINE, engine.view("SIP/1001").orElseThrow().status());
        assertTrue(agentEvents.contains(new AgentEvent.AgentLoggedOut("SIP/1001")));
        assertTrue(agentEvents.stream().anyMatch(e -> e instanceof AgentEvent.QueueMembership m
                && m.agentNumber().equals("SIP/1001") && m.queues().equals(List.of("8000"))));
        assertEquals(1, audit.rows.size());
        assertTrue(audit.rows.get(0).end != null, "session closed");
    }

    /** The engine's writes applied at once: audit records become rows in memory. */
    private static final class Audit implements EngineWrites {
        static final class Row {
            final LocalDateTime start;
            LocalDateTime end;

            Row(LocalDateTime start) {
                this.start = start;
            }
        }

        final List<Row> rows = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public long newId(IdTable table) {
            return ids.incrementAndGet();
        }

        @Override
        public void write(JournalRecord record) {
            if (record instanceof JournalRecord.AuditOpened opened) {
                rows.add(new Row(opened.start()));
            } else if (record instanceof JournalRecord.AuditClosed closed) {
                rows.get((int) closed.id() - 1).end = closed.end();
            }
        }

        @Override
        public <T> CompletableFuture<T> readAfterWrites(String description, java.util.function.Supplier<T> read) {
            return CompletableFuture.completedFuture(read.get());
        }
    }
}
