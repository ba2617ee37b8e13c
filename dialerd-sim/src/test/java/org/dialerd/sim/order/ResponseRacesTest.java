package org.dialerd.sim.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.trace.AmiTestClient;
import org.dialerd.sim.trace.Packet;
import org.junit.jupiter.api.Test;

/**
 * The race between an action's response and the events it causes, as a client on the wire sees
 * it: QueueAdd against QueueMemberAdded, QueuePause against QueueMemberPause, QueueRemove against
 * QueueMemberRemoved, Originate against the new channel's Newchannel.
 */
class ResponseRacesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Per action: whether its response came after its first event, under one order. */
    private record Sides(boolean add, boolean pause, boolean remove, boolean originate) {}

    @Test
    void theNaturalOrderAnswersBeforeTheEvents() throws Exception {
        assertEquals(new Sides(false, false, false, false), run(EventOrder.NATURAL));
    }

    @Test
    void raceWindowsPutEachResponseOnEitherSideAndASeedRepeatsItsChoice() throws Exception {
        List<Sides> seen = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            Sides sides = run(EventOrder.raceWindows(seed));
            assertEquals(sides, run(EventOrder.raceWindows(seed)), "seed " + seed + " is not reproducible");
            seen.add(sides);
        }
        assertTrue(seen.stream().anyMatch(Sides::add) && seen.stream().anyMatch(s -> !s.add()), "QueueAdd " + seen);
        assertTrue(seen.stream().anyMatch(Sides::pause) && seen.stream().anyMatch(s -> !s.pause()), "QueuePause " + seen);
        assertTrue(seen.stream().anyMatch(Sides::remove) && seen.stream().anyMatch(s -> !s.remove()),
                "QueueRemove " + seen);
        assertTrue(seen.stream().anyMatch(Sides::originate) && seen.stream().anyMatch(s -> !s.originate()),
                "Originate " + seen);
    }

    @Test
    void raceWindowsCountTheResponsesTheyMoved() {
        RaceWindows order = (RaceWindows) EventOrder.raceWindows(3);
        int moved = 0;
        for (int i = 0; i < 100; i++) {
            if (order.responseAfterEvents(org.dialerd.sim.ami.AmiMessage.builder().add("Action", "QueuePause")
                    .add("Interface", "Local/1001@agents").build())) {
                moved++;
            }
        }
        assertTrue(moved > 20 && moved < 80, moved + " of 100 identical pauses answered after their event");
        assertEquals(Map.of("queuepause", (long) moved), order.responsesAfterEvents());
        assertTrue(!order.responseAfterEvents(org.dialerd.sim.ami.AmiMessage.builder().add("Action", "Ping").build()),
                "Ping does not race");
    }

    private static Sides run(EventOrder order) throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded().eventOrder(order), 0);
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.next(WAIT);
            c.send("Action", "Login", "ActionID", "l1", "Username", "dialerd", "Secret", "dialerd");
            c.until("l1", WAIT);
            boolean add = responseAfter(c, "QueueMemberAdded", "a1", "Action", "QueueAdd", "ActionID", "a1",
                    "Queue", "8000", "Interface", "Local/1005@agents", "MemberName", "Agent 1005");
            boolean pause = responseAfter(c, "QueueMemberPause", "p1", "Action", "QueuePause", "ActionID", "p1",
                    "Queue", "8000", "Interface", "Local/1005@agents", "Paused", "true", "Reason", "Break");
            boolean remove = responseAfter(c, "QueueMemberRemoved", "r1", "Action", "QueueRemove", "ActionID", "r1",
                    "Queue", "8000", "Interface", "Local/1005@agents");
            boolean originate = responseAfter(c, "Newchannel", "o1", "Action", "Originate", "ActionID", "o1",
                    "Channel", "Local/1002@agents", "Application", "Wait", "Data", "5", "Async", "true");
            return new Sides(add, pause, remove, originate);
        }
    }

    /** Sends the action; true when {@code event} came before the response to {@code actionId}. */
    private static boolean responseAfter(AmiTestClient c, String event, String actionId, String... action)
            throws Exception {
        c.send(action);
        List<Packet> got = c.until(actionId, WAIT);
        assertEquals("Success", got.get(got.size() - 1).get("Response"), actionId + ": " + got);
        if (got.stream().anyMatch(p -> event.equals(p.get("Event")))) {
            return true;
        }
        for (Packet p = c.next(WAIT); p != null; p = c.next(WAIT)) {
            if (event.equals(p.get("Event"))) {
                return false;
            }
        }
        throw new AssertionError("no " + event + " after " + actionId);
    }
}
