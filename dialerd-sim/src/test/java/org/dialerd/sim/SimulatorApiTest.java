package org.dialerd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.load.LoadGenerator;
import org.dialerd.sim.pbx.PhoneBehaviour;
import org.junit.jupiter.api.Test;

/** The public API used by tests and the demo: inbound calls, PJSIP phones, virtual time, load. */
class SimulatorApiTest {

    @Test
    void inboundCallerReachesAPjsipAgentAndCompletesWhenThePatienceRunsOut() {
        Scenario s = Scenario.recorded().phone("1005", PhoneBehaviour.answersAfter(Duration.ofSeconds(2)));
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        try (AsteriskSimulator sim = AsteriskSimulator.start(s, 0)) {
            sim.onEvent(events::add);
            sim.withPbx(p -> p.queues().add("8001", "PJSIP/1005", "Agent 1005", "PJSIP/1005", 0, false, ""));
            sim.inboundCall("5557001", "8001", Duration.ofSeconds(30));
            sim.advance(Duration.ofSeconds(5));
            assertEquals(1, count(events, "AgentConnect"));
            assertTrue(sim.channelNames().stream().anyMatch(n -> n.startsWith("PJSIP/1005-")));
            sim.advance(Duration.ofSeconds(30));
            AmiMessage done = events.stream().filter(e -> e.eventName().equals("AgentComplete")).findFirst().orElseThrow();
            assertEquals("caller", done.getOrEmpty("Reason"));
            assertEquals(List.of(), sim.channelNames());
        }
    }

    @Test
    void busyPhoneIsSkippedAndTheCallerAbandonsWithNobodyAnswering() {
        Scenario s = Scenario.recorded().phone("1006", PhoneBehaviour.busy());
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        try (AsteriskSimulator sim = AsteriskSimulator.start(s, 0)) {
            sim.onEvent(events::add);
            sim.withPbx(p -> p.queues().add("8001", "PJSIP/1006", "Agent 1006", "PJSIP/1006", 0, false, ""));
            sim.inboundCall("5557002", "8001", Duration.ofSeconds(6));
            sim.advance(Duration.ofSeconds(10));
            assertEquals(0, count(events, "AgentConnect"));
            assertEquals(1, count(events, "QueueCallerAbandon"));
        }
    }

    @Test
    void astdbEntriesOfTheScenarioAreThereAtStart() {
        Scenario s = Scenario.recorded().astdb("QPENALTY", "8001/agents/1001", "2");
        try (AsteriskSimulator sim = AsteriskSimulator.start(s, 0)) {
            assertEquals("2", sim.inPbx(p -> p.astdb().get("/QPENALTY/8001/agents/1001")));
        }
    }

    @Test
    void nothingHappensUntilTheVirtualClockMoves() {
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0)) {
            sim.onEvent(events::add);
            sim.withPbx(p -> p.queues().add("8001", "Local/1001@agents", "Agent 1001", "", 0, false, ""));
            sim.inboundCall("5557003", "8001", Duration.ofSeconds(20));
            assertEquals(0, count(events, "QueueCallerJoin"), "Answer() waits 500 ms of virtual time");
            sim.advance(Duration.ofMillis(600));
            assertEquals(1, count(events, "QueueCallerJoin"));
            assertEquals(0, count(events, "AgentConnect"));
            sim.advance(Duration.ofSeconds(1));
            assertEquals(1, count(events, "AgentConnect"));
        }
    }

    @Test
    void loadGeneratorDrivesManyCallsThroughManyAgents() {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0)) {
            LoadGenerator load = new LoadGenerator(sim);
            load.addMembers("8001", 1001, 20);
            load.inboundCalls("8001", 100, Duration.ofMillis(200), Duration.ofSeconds(10));
            sim.advance(Duration.ofMinutes(2));
            assertEquals(100, load.callersJoined());
            assertEquals(100, load.callsConnected() + load.callsAbandoned());
            assertTrue(load.callsConnected() > 50, "connected " + load.callsConnected());
            assertEquals(List.of(), sim.channelNames());
        }
    }

    private static long count(List<AmiMessage> events, String name) {
        return events.stream().filter(e -> e.eventName().equals(name)).count();
    }
}
