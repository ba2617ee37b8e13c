package org.dialerd.sim.order;

import java.time.Duration;
import java.util.List;
import org.dialerd.sim.ami.AmiMessage;

/**
 * The order in which the simulator's AMI output carries the events the PBX produced. The model
 * produces every burst in one fixed order; real Asterisk produces some of them on different
 * threads (the originate thread, each channel's thread, the bridge), so their order on the
 * wire is not fixed (testdata/ami-traces 04, 06, 08). A policy decides that order, so a test can
 * drive dialerd through the orders a real Asterisk produces.
 *
 * <p>The engine hands the policy what the PBX published since the last call, all at one
 * virtual instant, before the clock moves on, before any response goes to a session and after
 * every engine step; the policy returns what to deliver now. It may keep events back and
 * return them from a later call. Called on the simulator's engine thread only.
 */
public interface EventOrder {

    /** The model's own order, delivered at once (the default: the trace replays compare it). */
    EventOrder NATURAL = (published, nowMillis) -> published;

    /** {@link #release} with this time: hand back everything kept (before a restart ends the sessions). */
    long EVERYTHING = Long.MAX_VALUE;

    /**
     * @param published the events published at {@code nowMillis} since the last call, in the
     *                  order the model produced them (may be empty)
     * @param nowMillis virtual time, or {@link #EVERYTHING}
     * @return the events to deliver now, in delivery order
     */
    List<AmiMessage> release(List<AmiMessage> published, long nowMillis);

    /**
     * Whether the response to {@code action} goes out after the events the action caused in the
     * same engine step (Newchannel of an Originate, QueueMemberPause of a QueuePause...) instead
     * of before them. Real Asterisk answers from the manager thread while the events come from
     * app_queue, the channel's thread or the originate thread, so either side can win; the
     * recordings show the response first, which is the default.
     */
    default boolean responseAfterEvents(AmiMessage action) {
        return false;
    }

    /**
     * Real Asterisk's races, seeded: the same seed gives the same order for the same events. A
     * successful OriginateResponse may also be up to {@link RaceWindows#DEFAULT_LATENESS} late:
     * virtual time, so it comes out once the clock gets there.
     */
    static EventOrder raceWindows(long seed) {
        return new RaceWindows(seed, RaceWindows.DEFAULT_LATENESS);
    }

    /** {@link #raceWindows(long)} with the most an OriginateResponse may be late (zero: never). */
    static EventOrder raceWindows(long seed, Duration maxLateness) {
        return new RaceWindows(seed, maxLateness);
    }
}
