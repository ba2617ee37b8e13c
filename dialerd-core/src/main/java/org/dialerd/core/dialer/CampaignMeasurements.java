package org.dialerd.core.dialer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * What one campaign's calls showed so far, fed by whoever follows the calls (the engine's
 * dialer, or {@link DialerSimulation}): outcomes of originates, time to answer, time to fail,
 * talk times, after-call work (wrap-up) times, and for answered calls whether an agent took them within
 * {@link #ABANDON_SECONDS} (the regulatory 2-second rule). Each distribution keeps the last
 * {@link #WINDOW} samples, so it follows a list whose answer pattern changes. Times are seconds
 * on the owner's clock (any origin). Not thread-safe: one owner thread; {@link #snapshot} gives
 * the immutable view a decision uses.
 *
 * <p>The answer rate counts only originates placed long enough ago that every outcome of their
 * time is known (the longest failure delay seen): answers come in seconds, failures at the
 * no-answer timeout, so a plain "answered / known" rises while the dial rate rises and falls
 * after a burst, and a predictor fed with it oscillates.
 */
public final class CampaignMeasurements {
    /** Samples kept per distribution. */
    public static final int WINDOW = 1000;
    /** An answered call no agent took within this many seconds counts as abandoned (FTC TSR, FCC, Ofcom). */
    public static final double ABANDON_SECONDS = 2.0;

    private record Outcome(double placedAt, boolean answered) {}

    private final PriorityQueue<Outcome> unsettled = new PriorityQueue<>(
            (a, b) -> Double.compare(a.placedAt(), b.placedAt()));
    private final Deque<Boolean> outcomes = new ArrayDeque<>();
    private double longestFailure;
    private final Samples answerDelays = new Samples();
    private final Samples failDelays = new Samples();
    private final Samples talks = new Samples();
    private final Samples wrapups = new Samples();
    private int answeredInWindow;
    private long answered;
    private long abandoned;

    /** An originate placed at {@code placedAt} answered after {@code seconds}. */
    public void answered(double placedAt, double seconds) {
        unsettled.add(new Outcome(placedAt, true));
        answerDelays.add(seconds);
    }

    /** An originate placed at {@code placedAt} that failed or was not answered, after {@code seconds}. */
    public void failed(double placedAt, double seconds) {
        unsettled.add(new Outcome(placedAt, false));
        failDelays.add(seconds);
        longestFailure = Math.max(longestFailure, seconds);
    }

    /** An answered call reached an agent after waiting {@code seconds}. */
    public void agentReached(double seconds) {
        answered++;
        if (seconds > ABANDON_SECONDS) {
            abandoned++;
        }
    }

    /** An answered call ended without reaching an agent. */
    public void agentNeverReached() {
        answered++;
        abandoned++;
    }

    /** A call with an agent ended after {@code seconds} of talk. */
    public void talked(double seconds) {
        talks.add(seconds);
    }

    /**
     * An agent's after-call work of one of the campaign's calls ended after {@code seconds} and
     * the agent went back to work (by its own timer, endwrapup or unpauseagent; not a break or a
     * logout, after which the agent does not come back).
     */
    public void wrappedUp(double seconds) {
        wrapups.add(seconds);
    }

    /** The measurements at {@code now} (seconds on the clock of the placing times). */
    public Measurements snapshot(double now) {
        while (!unsettled.isEmpty() && unsettled.peek().placedAt() <= now - longestFailure) {
            outcome(unsettled.poll().answered());
        }
        double p = outcomes.isEmpty() ? 0 : (double) answeredInWindow / outcomes.size();
        return new Measurements(p, outcomes.size(), answerDelays.distribution(), failDelays.distribution(),
                talks.distribution(), answered, abandoned, wrapups.distribution());
    }

    private void outcome(boolean wasAnswered) {
        outcomes.addLast(wasAnswered);
        answeredInWindow += wasAnswered ? 1 : 0;
        if (outcomes.size() > WINDOW) {
            answeredInWindow -= outcomes.pollFirst() ? 1 : 0;
        }
    }

    /**
     * The last {@link #WINDOW} samples of one duration, kept in arrival order (to drop the oldest)
     * and sorted (a new sample is inserted in place, not sorted again every round), and their
     * distribution until the next sample.
     */
    private static final class Samples {
        private final Deque<Double> arrival = new ArrayDeque<>();
        private final double[] sorted = new double[WINDOW + 1];
        private int size;
        private EmpiricalDistribution distribution = EmpiricalDistribution.EMPTY;
        private boolean changed;

        void add(double value) {
            double v = Math.max(0, value);
            arrival.addLast(v);
            int at = Arrays.binarySearch(sorted, 0, size, v);
            insert(at < 0 ? -at - 1 : at, v);
            if (size > WINDOW) {
                remove(Arrays.binarySearch(sorted, 0, size, arrival.pollFirst()));
            }
            changed = true;
        }

        private void insert(int at, double v) {
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = v;
            size++;
        }

        private void remove(int at) {
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }

        /** A copy of the sorted samples after a new one: most rounds of a small campaign see none. */
        EmpiricalDistribution distribution() {
            if (changed) {
                distribution = EmpiricalDistribution.ofSorted(Arrays.copyOf(sorted, size));
                changed = false;
            }
            return distribution;
        }
    }
}
