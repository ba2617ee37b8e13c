package org.dialerd.sim.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.dialerd.sim.ami.AmiMessage;
import org.junit.jupiter.api.Test;

/** The moves {@link RaceWindows} makes on hand-made bursts, and the ones it never makes. */
class RaceWindowsTest {
    private static final String ONE = "Local/5551234@customers-00000004;1";
    private static final String TWO = "Local/5551234@customers-00000004;2";
    private static final String AGENT = "Local/1001@agents-00000005;1";

    /** A campaign call answered and queued: the model's order (OriginateResponse first). */
    private static List<AmiMessage> answeredBurst() {
        return List.of(event("Newstate", TWO, "u2"), event("Newstate", ONE, "u1"), dialEnd(),
                response("Success", ONE, "u1"), event("Newexten", ONE, "u1"), queueCallerJoin(),
                event("MusicOnHoldStart", ONE, "u1"), event("Newchannel", AGENT, "u3"),
                agentCalled());
    }

    /** The caller hangs up on the agent. */
    private static List<AmiMessage> hangupBurst() {
        return List.of(event("SoftHangupRequest", TWO, "u2"), event("HangupRequest", ONE, "u1"),
                agentComplete(), event("Hangup", TWO, "u2"), bridgeLeave(ONE, "u1"), event("Hangup", ONE, "u1"),
                bridgeLeave(AGENT, "u3"), event("Hangup", AGENT, "u3"));
    }

    @Test
    void naturalOrderHandsBackWhatItIsGiven() {
        List<AmiMessage> burst = answeredBurst();
        assertSame(burst, EventOrder.NATURAL.release(burst, 0));
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(names(new RaceWindows(seed, Duration.ZERO).release(hangupBurst(), 5)),
                    names(new RaceWindows(seed, Duration.ZERO).release(hangupBurst(), 5)));
        }
    }

    @Test
    void originateResponseFollowsTheQueueJoinForSomeSeedsAndNeverMovesEarlier() {
        boolean afterJoin = false;
        for (long seed = 0; seed < 40; seed++) {
            List<AmiMessage> out = new RaceWindows(seed, Duration.ZERO).release(answeredBurst(), 100);
            assertEquals(answeredBurst().size(), out.size());
            assertTrue(index(out, "OriginateResponse") > index(out, "DialEnd"), names(out).toString());
            afterJoin |= index(out, "OriginateResponse") > index(out, "QueueCallerJoin");
            assertChannelOrderKept(answeredBurst(), out);
        }
        assertTrue(afterJoin, "no seed put OriginateResponse after QueueCallerJoin");
    }

    @Test
    void lateOriginateResponseMayFollowAgentConnectButNeverItsChannelsHangup() {
        boolean afterConnect = false;
        for (long seed = 0; seed < 40; seed++) {
            RaceWindows order = new RaceWindows(seed, Duration.ofMillis(1500));
            List<AmiMessage> delivered = new ArrayList<>(order.release(answeredBurst(), 100));
            delivered.addAll(order.release(List.of(agentConnect()), 1100));
            delivered.addAll(order.release(hangupBurst(), 1200));
            assertEquals(1, delivered.stream().filter(e -> e.eventName().equals("OriginateResponse")).count());
            int response = index(delivered, "OriginateResponse");
            afterConnect |= response > index(delivered, "AgentConnect");
            int ownHangup = indexOf(delivered, e -> e.eventName().equals("Hangup") && e.getOrEmpty("Channel").equals(ONE));
            assertTrue(response < ownHangup, "a successful OriginateResponse passed its channel's Hangup");
        }
        assertTrue(afterConnect, "no seed held the OriginateResponse back past AgentConnect");
    }

    @Test
    void lateOriginateResponseIsReleasedWhenItsTimeComesWithoutOtherEvents() {
        boolean held = false;
        for (long seed = 0; seed < 40; seed++) {
            RaceWindows order = new RaceWindows(seed, Duration.ofMillis(1500));
            int now = order.release(List.of(response("Success", ONE, "u1")), 0).size();
            held |= now == 0;
            int later = order.release(List.of(), 1500).size();
            assertEquals(1, now + later, "seed " + seed);
        }
        assertTrue(held, "no seed held the OriginateResponse back");
    }

    @Test
    void failedOriginateResponseStaysInItsBurstButMayFollowTheHangups() {
        List<AmiMessage> busy = List.of(event("Newstate", TWO, "u2"), response("Failure", ONE, "dialerd-7"),
                event("Hangup", TWO, "u2"), event("Hangup", ONE, "dialerd-7"));
        boolean afterHangup = false;
        for (long seed = 0; seed < 40; seed++) {
            List<AmiMessage> out = new RaceWindows(seed, Duration.ofMillis(1500)).release(busy, 0);
            assertEquals(busy.size(), out.size(), "seed " + seed + " held a failed OriginateResponse");
            afterHangup |= index(out, "OriginateResponse") == out.size() - 1;
        }
        assertTrue(afterHangup, "no seed put the failed OriginateResponse after the hangups");
    }

    @Test
    void everythingReleasesWhatIsHeld() {
        for (long seed = 0; seed < 40; seed++) {
            RaceWindows order = new RaceWindows(seed, Duration.ofMillis(1500));
            int now = order.release(answeredBurst(), 0).size();
            assertEquals(answeredBurst().size(), now + order.release(List.of(), EventOrder.EVERYTHING).size());
        }
    }

    @Test
    void agentCompleteAndBridgeLeaveCrossTheirChannelsHangup() {
        boolean completeAfterHangup = false;
        boolean hangupBeforeLeave = false;
        boolean halvesSwapped = false;
        for (long seed = 0; seed < 40; seed++) {
            List<AmiMessage> out = new RaceWindows(seed, Duration.ZERO).release(hangupBurst(), 7);
            assertEquals(hangupBurst().size(), out.size());
            int ownHangup = indexOf(out, e -> e.eventName().equals("Hangup") && e.getOrEmpty("Channel").equals(ONE));
            completeAfterHangup |= index(out, "AgentComplete") > ownHangup;
            hangupBeforeLeave |= ownHangup < indexOf(out, e -> e.eventName().equals("BridgeLeave")
                    && e.getOrEmpty("Channel").equals(ONE));
            halvesSwapped |= indexOf(out, e -> e.getOrEmpty("Channel").equals(ONE))
                    < indexOf(out, e -> e.getOrEmpty("Channel").equals(TWO));
            assertChannelOrderKept(hangupBurst(), out);
        }
        assertTrue(completeAfterHangup && hangupBeforeLeave && halvesSwapped,
                completeAfterHangup + " " + hangupBeforeLeave + " " + halvesSwapped);
    }

    @Test
    void eventsOfUnrelatedChannelsNeverSwap() {
        List<AmiMessage> burst = List.of(event("Newstate", ONE, "u1"), event("Newstate", AGENT, "u3"),
                event("Hangup", "PJSIP/1005-00000001", "u9"), event("Newstate", TWO, "u2"));
        for (long seed = 0; seed < 40; seed++) {
            assertEquals(names(burst), names(new RaceWindows(seed, Duration.ZERO).release(burst, 0)));
        }
    }

    @Test
    void refusesNegativeLateness() {
        assertThrows(IllegalArgumentException.class, () -> new RaceWindows(1, Duration.ofMillis(-1)));
    }

    /** Every channel's own single-channel events (Newchannel, Newstate, Hangup...) keep their order. */
    private static void assertChannelOrderKept(List<AmiMessage> before, List<AmiMessage> after) {
        for (String channel : List.of(ONE, TWO, AGENT)) {
            Predicate<AmiMessage> own = e -> e.getOrEmpty("Channel").equals(channel)
                    && !e.eventName().startsWith("Agent") && !e.eventName().equals("QueueCallerJoin")
                    && !e.eventName().equals("OriginateResponse") && !e.eventName().equals("BridgeLeave");
            assertEquals(names(before.stream().filter(own).toList()), names(after.stream().filter(own).toList()),
                    channel);
        }
    }

    private static List<String> names(List<AmiMessage> events) {
        return events.stream().map(e -> e.eventName() + " " + e.getOrEmpty("Channel")).toList();
    }

    private static int index(List<AmiMessage> events, String name) {
        return indexOf(events, e -> e.eventName().equals(name));
    }

    private static int indexOf(List<AmiMessage> events, Predicate<AmiMessage> test) {
        return LongStream.range(0, events.size()).filter(i -> test.test(events.get((int) i)))
                .mapToObj(i -> (int) i).findFirst().orElse(-1);
    }

    private static AmiMessage event(String name, String channel, String uniqueid) {
        return AmiMessage.event(name).add("Channel", channel).add("Uniqueid", uniqueid).build();
    }

    private static AmiMessage response(String result, String channel, String uniqueid) {
        return AmiMessage.event("OriginateResponse").add("ActionID", "a1").add("Response", result)
                .add("Channel", channel).add("Uniqueid", uniqueid).build();
    }

    private static AmiMessage dialEnd() {
        return AmiMessage.event("DialEnd").add("DestChannel", ONE).add("DialStatus", "ANSWER").build();
    }

    private static AmiMessage queueCallerJoin() {
        return AmiMessage.event("QueueCallerJoin").add("Channel", ONE).add("Uniqueid", "u1").add("Queue", "8000")
                .build();
    }

    private static AmiMessage agentCalled() {
        return AmiMessage.event("AgentCalled").add("Channel", ONE).add("Uniqueid", "u1")
                .add("DestChannel", AGENT).build();
    }

    private static AmiMessage agentConnect() {
        return AmiMessage.event("AgentConnect").add("Channel", ONE).add("Uniqueid", "u1")
                .add("DestChannel", AGENT).build();
    }

    private static AmiMessage agentComplete() {
        return AmiMessage.event("AgentComplete").add("Channel", ONE).add("Uniqueid", "u1")
                .add("DestChannel", AGENT).add("Reason", "caller").build();
    }

    private static AmiMessage bridgeLeave(String channel, String uniqueid) {
        return AmiMessage.event("BridgeLeave").add("BridgeUniqueid", "b1").add("Channel", channel)
                .add("Uniqueid", uniqueid).build();
    }
}
