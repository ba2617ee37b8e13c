package org.dialerd.core.dialer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * What one campaign's calls showed so far, fed by whoever follows the calls (the engine's
 * dialer, or {@link DialerSimulation}): outcomes of originates, time to answer, time to fail,
 * talk times, and for answered calls whether an agent took them within
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
    private final Deque<Double> answerDelays = new ArrayDeque<>();
    private final Deque<Double> failDelays = new ArrayDeque<>();
    private final Deque<Double> talks = new ArrayDeque<>();
    private int answeredInWindow;
    private long answered;
    private long abandoned;

    /** An originate placed at {@code placedAt} answered after {@code seconds}. */
    public void answered(double placedAt, double seconds) {
        unsettled.add(new Outcome(placedAt, true));
        add(answerDelays, seconds);
    }

    /** An originate placed at {@code placedAt} that failed or was not answered, after {@code seconds}. */
    public void failed(double placedAt, double seconds) {
        unsettled.add(new Outcome(placedAt, false));
        add(failDelays, seconds);
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
        add(talks, seconds);
    }

    /** The measurements at {@code now} (seconds on the clock of the placing times). */
    public Measurements snapshot(double now) {
        while (!unsettled.isEmpty() && unsettled.peek().placedAt() <= now - longestFailure) {
            outcome(unsettled.poll().answered());
        }
        double p = outcomes.isEmpty() ? 0 : (double) answeredInWindow / outcomes.size();
        return new Measurements(p, outcomes.size(), EmpiricalDistribution.of(answerDelays),
                EmpiricalDistribution.of(failDelays), EmpiricalDistribution.of(talks), answered, abandoned);
    }

    private void outcome(boolean wasAnswered) {
        outcomes.addLast(wasAnswered);
        answeredInWindow += wasAnswered ? 1 : 0;
        if (outcomes.size() > WINDOW) {
            answeredInWindow -= outcomes.pollFirst() ? 1 : 0;
        }
    }

    private static void add(Deque<Double> samples, double value) {
        samples.addLast(Math.max(0, value));
        if (samples.size() > WINDOW) {
            samples.pollFirst();
        }
    }
}
