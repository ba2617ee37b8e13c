package org.dialerd.sim.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import org.dialerd.sim.ami.AmiMessage;

/**
 * The event orders real Asterisk 22 produces where its threads race, chosen by a seeded random.
 * Only these moves are made (traces in testdata/ami-traces):
 *
 * <ul>
 *   <li><b>OriginateResponse moves later.</b> The originate thread reports once the channel
 *       answered or failed, while the channel's own thread runs on: within its burst it may
 *       follow QueueCallerJoin, AgentCalled and the rest (04, 08 B and D), and it may be late by
 *       a successful one up to {@code maxLateness} (a later burst: after AgentConnect). A
 *       successful one never passes the Hangup of its own channel; a failed one may (05 d, e).</li>
 *   <li><b>AgentComplete and the caller's Hangup</b> (same Uniqueid) swap (04 against 08 A).</li>
 *   <li><b>BridgeLeave and the Hangup of the same channel</b> swap (04 against 08 A).</li>
 *   <li><b>The two halves of a Local channel</b>: adjacent single-channel events of {@code ;1}
 *       and {@code ;2} swap (06: the answered halves' Newstate in either order).</li>
 *   <li><b>A response and its action's events</b>: the response to QueueAdd, QueuePause,
 *       QueueRemove, Originate, Redirect, Atxfer or BlindTransfer goes before or after the
 *       events the action caused in the same instant ({@link ResponseRaces}).</li>
 * </ul>
 *
 * Nothing else moves: every channel's own events keep their order (Newchannel first), events
 * that name two channels (Dial*, LocalBridge, Bridge* other than the case above, Agent*) stay in
 * place relative to each other, and only an OriginateResponse ever crosses into a later burst.
 * Each burst gets its own random (SplittableRandom: nearby seeds give unrelated orders) from the seed and the burst's event and channel names, so a
 * seed reproduces its orders whatever else the run does in between.
 */
public final class RaceWindows implements EventOrder {

    /** Long enough to pass an agent who answers after 1 s (the recorded agent phones). */
    public static final Duration DEFAULT_LATENESS = Duration.ofMillis(1500);

    /** Events about one channel only, published from that channel's thread. */
    private static final Set<String> CHANNEL_EVENTS = Set.of("Newstate", "NewCallerid", "NewConnectedLine",
            "Newexten", "VarSet", "HangupRequest", "SoftHangupRequest", "Hangup", "MusicOnHoldStart",
            "MusicOnHoldStop");
    private static final String ORIGINATE_RESPONSE = "OriginateResponse";
    private static final String HANGUP = "Hangup";

    private final long seed;
    private final long maxLatenessMillis;
    private final ResponseRaces responses;
    /** Late OriginateResponses, oldest first. */
    private final List<Late> late = new ArrayList<>();

    private record Late(AmiMessage event, long dueMillis) {}

    RaceWindows(long seed, Duration maxLateness) {
        if (maxLateness.isNegative()) {
            throw new IllegalArgumentException("maxLateness must not be negative: " + maxLateness);
        }
        this.seed = seed;
        this.maxLatenessMillis = maxLateness.toMillis();
        this.responses = new ResponseRaces(seed);
    }

    /** QueueAdd, QueuePause, QueueRemove, Originate, Redirect, Atxfer, BlindTransfer: either side ({@link ResponseRaces}). */
    @Override
    public boolean responseAfterEvents(AmiMessage action) {
        return responses.afterEvents(action);
    }

    /** How many responses this policy sent after their action's events, per action name (lower case). */
    public java.util.Map<String, Long> responsesAfterEvents() {
        return responses.moved();
    }

    @Override
    public List<AmiMessage> release(List<AmiMessage> published, long nowMillis) {
        if (published.isEmpty() && late.isEmpty()) {
            return published;
        }
        SplittableRandom random = new SplittableRandom(seed ^ fingerprint(published));
        List<AmiMessage> due = dueLate(published, nowMillis);
        List<AmiMessage> burst = new ArrayList<>(published);
        List<AmiMessage> responses = burst.stream().filter(e -> e.eventName().equals(ORIGINATE_RESPONSE)).toList();
        for (AmiMessage response : responses) {
            moveLater(burst, response, random, nowMillis);
        }
        for (AmiMessage response : due) {
            insertBeforeOwnHangup(burst, response, 0, random);
        }
        swapWithHangup(burst, "AgentComplete", random);
        swapWithHangup(burst, "BridgeLeave", random);
        interleaveLocalHalves(burst, random);
        return burst;
    }

    /**
     * Stays, moves later in its burst, or waits for a later burst. Only a successful one waits:
     * the race that matters is against the answered call's own QueueCallerJoin and AgentConnect,
     * and lateness is virtual time, which a failed call gives no reason to pass.
     */
    private void moveLater(List<AmiMessage> burst, AmiMessage response, SplittableRandom random, long nowMillis) {
        boolean mayWait = isSuccess(response) && maxLatenessMillis > 0 && nowMillis != EVERYTHING;
        int choice = random.nextInt(mayWait ? 3 : 2);
        if (choice == 0) {
            return;
        }
        int at = burst.indexOf(response);
        burst.remove(at);
        boolean mustPrecedeHangup = isSuccess(response) && hangupOf(burst, uniqueid(response), at) >= 0;
        if (choice == 2 && !mustPrecedeHangup) {
            late.add(new Late(response, nowMillis + 1 + random.nextLong(maxLatenessMillis)));
            return;
        }
        insertBeforeOwnHangup(burst, response, at, random);
    }

    /** Late responses now due, and successful ones whose channel hangs up in this burst (before it). */
    private List<AmiMessage> dueLate(List<AmiMessage> published, long nowMillis) {
        List<AmiMessage> due = new ArrayList<>();
        for (Iterator<Late> it = late.iterator(); it.hasNext(); ) {
            Late l = it.next();
            if (l.dueMillis() <= nowMillis || isSuccess(l.event()) && hangupOf(published, uniqueid(l.event()), 0) >= 0) {
                due.add(l.event());
                it.remove();
            }
        }
        return due;
    }

    /** At a random place from {@code from} on, before its channel's Hangup if it succeeded. */
    private static void insertBeforeOwnHangup(List<AmiMessage> burst, AmiMessage response, int from,
                                              SplittableRandom random) {
        int hangup = isSuccess(response) ? hangupOf(burst, uniqueid(response), from) : -1;
        int limit = hangup >= 0 ? hangup : burst.size();
        burst.add(from + random.nextInt(limit - from + 1), response);
    }

    /** Moves each {@code name} event to the other side of its channel's Hangup, half of the time. */
    private static void swapWithHangup(List<AmiMessage> burst, String name, SplittableRandom random) {
        List<AmiMessage> events = burst.stream().filter(e -> e.eventName().equals(name)).toList();
        for (AmiMessage event : events) {
            String uniqueid = uniqueid(event);
            int hangup = hangupOf(burst, uniqueid, 0);
            if (uniqueid.isEmpty() || hangup < 0 || !random.nextBoolean()) {
                continue;
            }
            burst.remove(event);
            // Before the Hangup: removing the event shifts the Hangup to where the event lands right
            // after it; after it: nothing shifts and the event lands right before it.
            burst.add(hangup, event);
        }
    }

    /** Adjacent single-channel events of {@code ;1} and {@code ;2} of one Local channel swap. */
    private static void interleaveLocalHalves(List<AmiMessage> burst, SplittableRandom random) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i + 1 < burst.size(); i++) {
                AmiMessage a = burst.get(i);
                AmiMessage b = burst.get(i + 1);
                if (isOtherHalf(a, b) && random.nextBoolean()) {
                    burst.set(i, b);
                    burst.set(i + 1, a);
                    i++;
                }
            }
        }
    }

    private static boolean isOtherHalf(AmiMessage a, AmiMessage b) {
        if (!CHANNEL_EVENTS.contains(a.eventName()) || !CHANNEL_EVENTS.contains(b.eventName())) {
            return false;
        }
        String one = a.getOrEmpty("Channel");
        String two = b.getOrEmpty("Channel");
        return one.startsWith("Local/") && one.length() == two.length() && one.length() > 2
                && one.regionMatches(0, two, 0, one.length() - 1)
                && (one.endsWith(";1") && two.endsWith(";2") || one.endsWith(";2") && two.endsWith(";1"));
    }

    private static int hangupOf(List<AmiMessage> events, String uniqueid, int from) {
        for (int i = from; i < events.size(); i++) {
            AmiMessage e = events.get(i);
            if (e.eventName().equals(HANGUP) && e.getOrEmpty("Uniqueid").equals(uniqueid)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSuccess(AmiMessage response) {
        return response.getOrEmpty("Response").equalsIgnoreCase("Success");
    }

    private static String uniqueid(AmiMessage event) {
        return event.getOrEmpty("Uniqueid");
    }

    /** Event and channel names: the same for the same calls in any run (uniqueids follow the epoch). */
    private static long fingerprint(List<AmiMessage> burst) {
        long h = 1125899906842597L;
        for (AmiMessage e : burst) {
            h = 31 * h + e.eventName().hashCode();
            h = 31 * h + e.getOrEmpty("Channel").hashCode();
        }
        return h;
    }
}
