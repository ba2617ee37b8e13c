package org.dialerd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.order.EventOrder;
import org.dialerd.sim.pbx.OriginateRequest;
import org.junit.jupiter.api.Test;

/**
 * The simulator's AMI output under an {@link EventOrder}: a campaign call (originated into a
 * queue, answered by the member Local/1001@agents after 1 s, the customer hangs up after 5 s)
 * as observers see it.
 */
class EventOrderTest {
    private static final Instant EPOCH = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void naturalOrderIsTheModelsOwnOrder() {
        List<AmiMessage> byDefault = campaignCall(Scenario.recorded());
        List<AmiMessage> natural = campaignCall(Scenario.recorded().eventOrder(EventOrder.NATURAL));
        assertEquals(wire(byDefault), wire(natural));
        assertTrue(index(natural, named("OriginateResponse")) < index(natural, named("QueueCallerJoin")));
    }

    @Test
    void raceWindowsReorderOnlyAndASeedReproducesItsOrder() {
        List<String> natural = sorted(wire(campaignCall(Scenario.recorded())));
        boolean reordered = false;
        boolean answerAfterJoin = false;
        boolean answerAfterConnect = false;
        for (long seed = 1; seed <= 12; seed++) {
            List<AmiMessage> events = campaignCall(Scenario.recorded().eventOrder(EventOrder.raceWindows(seed)));
            assertEquals(natural, sorted(wire(events)), "seed " + seed + " lost or changed events");
            assertEquals(wire(events), wire(campaignCall(Scenario.recorded().eventOrder(EventOrder.raceWindows(seed)))),
                    "seed " + seed + " is not reproducible");
            int answer = index(events, named("OriginateResponse"));
            assertTrue(answer < index(events, e -> e.eventName().equals("Hangup")
                    && e.getOrEmpty("Uniqueid").equals(events.get(answer).getOrEmpty("Uniqueid"))));
            reordered |= !wire(events).equals(wire(campaignCall(Scenario.recorded())));
            answerAfterJoin |= answer > index(events, named("QueueCallerJoin"));
            answerAfterConnect |= answer > index(events, named("AgentConnect"));
        }
        assertTrue(reordered && answerAfterJoin && answerAfterConnect,
                reordered + " " + answerAfterJoin + " " + answerAfterConnect);
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertNotEquals(wire(campaignCall(Scenario.recorded().eventOrder(EventOrder.raceWindows(1)))),
                wire(campaignCall(Scenario.recorded().eventOrder(EventOrder.raceWindows(2)))));
    }

    /** Everything the observers saw of one campaign call, with a fixed epoch so runs compare. */
    private static List<AmiMessage> campaignCall(Scenario scenario) {
        scenario.epoch(EPOCH).dialplan().context("campaign").exten("8000", "NoOp()", "Queue(8000,tT,,,300)",
                "Hangup()");
        List<AmiMessage> events = new CopyOnWriteArrayList<>();
        try (AsteriskSimulator sim = AsteriskSimulator.start(scenario, 0)) {
            sim.onEvent(events::add);
            sim.withPbx(p -> p.queues().add("8000", "Local/1001@agents", "Agent 1001", "", 0, false, ""));
            sim.originate(new OriginateRequest("call-1", "Local/556005@customers", "campaign", "8000", 1, null,
                    null, "Campaign", "556005", 30_000, true, List.of(), "dialerd-1", null));
            for (int i = 0; i < 20; i++) {
                sim.advance(Duration.ofMillis(500));
            }
        }
        return new ArrayList<>(events);
    }

    private static Predicate<AmiMessage> named(String name) {
        return e -> e.eventName().equals(name);
    }

    private static int index(List<AmiMessage> events, Predicate<AmiMessage> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event in " + events.stream().map(AmiMessage::eventName).toList());
    }

    private static List<String> wire(List<AmiMessage> events) {
        return events.stream().map(AmiMessage::toWire).toList();
    }

    private static List<String> sorted(List<String> wire) {
        return wire.stream().sorted().toList();
    }
}
