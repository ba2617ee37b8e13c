package org.dialerd.sim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.trace.AmiTestClient;
import org.dialerd.sim.trace.Packet;
import org.junit.jupiter.api.Test;

/** The fault policy over real TCP: what a client sees of lost, late and orphan responses and lost events. */
class AmiFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void lostResponseNeverComesWhileTheActionStillTakesEffect() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = loggedIn(sim)) {
            AmiFaults faults = AmiFaults.seeded(1).loseNextResponse("QueueAdd");
            sim.faults(faults);

            c.send("Action", "QueueAdd", "ActionID", "q1", "Queue", "8000", "Interface", "Local/1001@agents");
            c.send("Action", "Ping", "ActionID", "p1");
            List<Packet> got = c.until("p1", WAIT);

            assertTrue(got.stream().noneMatch(p -> "q1".equals(p.get("ActionID"))), got.toString());
            assertTrue(got.stream().anyMatch(p -> "QueueMemberAdded".equals(p.get("Event"))), "Asterisk did add it");
            assertEquals(1, faults.lostResponses());
        }
    }

    @Test
    void delayedResponseComesOnTheVirtualClockAfterLaterOnes() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = loggedIn(sim)) {
            sim.faults(AmiFaults.seeded(1).delayResponses("Getvar", 1.0, Duration.ofSeconds(10)));

            c.send("Action", "Getvar", "ActionID", "g1", "Variable", "X");
            c.send("Action", "Ping", "ActionID", "p1");
            assertTrue(c.until("p1", WAIT).stream().noneMatch(p -> "g1".equals(p.get("ActionID"))));

            sim.advance(Duration.ofSeconds(10));
            List<Packet> late = c.until("g1", WAIT);
            assertEquals("Success", late.get(late.size() - 1).get("Response"));
        }
    }

    @Test
    void orphanResponsesCarryActionIdsNobodyUsed() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = loggedIn(sim)) {
            AmiFaults faults = AmiFaults.seeded(7).orphanResponses(1.0);
            sim.faults(faults);

            c.send("Action", "Ping", "ActionID", "p1");
            c.until("p1", WAIT);
            Packet orphan = c.next(WAIT);

            assertTrue(orphan.get("ActionID").startsWith("sim-orphan-"), orphan.toString());
            assertEquals(1, faults.orphanResponses());
        }
    }

    @Test
    void chosenEventIsLostOnce() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = loggedIn(sim)) {
            AmiFaults faults = AmiFaults.seeded(1).loseNextEvent("QueueMemberAdded");
            sim.faults(faults);

            c.send("Action", "QueueAdd", "ActionID", "q1", "Queue", "8000", "Interface", "Local/1001@agents");
            c.send("Action", "QueueAdd", "ActionID", "q2", "Queue", "8001", "Interface", "Local/1001@agents");
            List<Packet> got = c.until("q2", WAIT);
            c.send("Action", "Ping", "ActionID", "p1");
            got.addAll(c.until("p1", WAIT));

            assertEquals(List.of("8001"), got.stream().filter(p -> "QueueMemberAdded".equals(p.get("Event")))
                    .map(p -> p.get("Queue")).toList());
            assertEquals(1, faults.lostEvents());
        }
    }

    private static AmiTestClient loggedIn(AsteriskSimulator sim) throws Exception {
        AmiTestClient c = new AmiTestClient(sim.port());
        c.next(WAIT);
        c.send("Action", "Login", "ActionID", "l1", "Username", "dialerd", "Secret", "dialerd");
        c.until("l1", WAIT);
        return c;
    }
}
