package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The PREDICTIVE mode: as many calls as keep the campaign's abandon rate (2-second rule) under
 * its {@code abandon_target_pct}, from what the campaign's calls showed (docs/dialer.md,
 * "The predictive mode").
 *
 * <p>Every round it starts from the progressive answer (one call per free agent, which cannot
 * abandon) and adds calls one at a time while each extra call's expected abandons, from the
 * {@link AbandonForecast}, stay under λ times its chance of being answered, and the campaign's
 * abandons so far plus the forecast stay under the aim. λ is the closed loop: the aim
 * ({@link #AIM} of the target) scaled by the room the measured abandons leave. Every abandon
 * below the aim makes the next rounds bolder; over it, λ falls to its floor and the calls in
 * flight may abandon at {@link #RECOVERY} of the aim, so only the calls the forecast is nearly
 * sure of are added until enough answered calls have brought the rate back.
 */
public final class AbandonTargetPredictor {
    /** Originates with a known outcome before the answer rate is trusted. */
    static final int MIN_OUTCOMES = 20;
    /**
     * Talk times before the talk distribution is trusted, and at least one per
     * {@link #TALKS_PER_AGENT_DIVISOR} agents: the first calls to end are the short ones, so
     * early talk times promise agents sooner than they come.
     */
    static final int MIN_TALKS = 10;
    /** ... and one per this many agents. */
    static final int TALKS_PER_AGENT_DIVISOR = 4;
    /** Answer delays before their distribution is trusted. */
    static final int MIN_ANSWER_DELAYS = 5;
    /** The share of the target the loop aims at, so that the noise around the aim stays under the target. */
    static final double AIM = 0.8;
    /** λ = aim × e^(room / scale), room = aim × answered − abandoned; the scale is this many abandons at least. */
    static final double LOOP_ABANDONS = 2.0;
    /** ... or this share of the abandons the aim allows so far, if more, so a large campaign does not swing. */
    static final double LOOP_SHARE = 0.1;
    /**
     * λ stays between these multiples of the aim: never 0 (a call that cannot abandon is always
     * placed), and high enough that the loop can undo a forecast that is too cautious.
     */
    static final double MIN_GAIN = 0.05;
    static final double MAX_GAIN = 20.0;
    /** Room for the first abandon of a campaign, which no rate of fewer than 1 / aim answered calls allows. */
    static final double HEADROOM_ABANDONS = 0.5;
    /**
     * Over the aim, the calls in flight may still abandon at this share of the aim (of the answers
     * they are expected to bring), instead of none: the rate then falls back while the agents keep
     * working. Placing only what cannot abandon (progressive) left agents idle for many minutes at
     * low answer rates, where progressive keeps them busy a quarter of the time, and recovering took
     * as long, since the rate falls only with answered calls.
     */
    static final double RECOVERY = 0.5;
    /** Calls in flight per agent at most, whatever the forecast says. */
    static final int MAX_LINES_PER_AGENT = 10;

    private AbandonTargetPredictor() {
    }

    public static DialDecision decide(DialRound round) {
        DialerSnapshot s = round.snapshot();
        Measurements m = round.measured();
        List<String> reasons = new ArrayList<>();
        int free = ProgressiveDialing.freeAgents(s);
        int demand = free - s.waitingInQueue() - s.pendingOriginates() - s.scheduledCalls();
        int floor = Math.max(0, demand);
        if (m.outcomes() < MIN_OUTCOMES || m.talk().size() < Math.max(MIN_TALKS, activeAgents(s) / TALKS_PER_AGENT_DIVISOR)
                || m.answerDelay().size() < MIN_ANSWER_DELAYS || m.answerProbability() <= 0) {
            reasons.add("predictive: learning (" + m.outcomes() + " outcomes, " + m.talk().size()
                    + " talk times): progressive, " + demand);
            int capped = ProgressiveDialing.capToChannels(s, floor, reasons);
            return new DialDecision(free, 0, demand, OptionalDouble.empty(), floor, capped, reasons);
        }
        double aim = round.options().abandonTargetPercent() / 100 * AIM;
        double room = aim * m.answered() - m.abandoned();
        double scale = Math.max(LOOP_ABANDONS, LOOP_SHARE * aim * m.answered());
        double gain = Math.max(MIN_GAIN, Math.min(MAX_GAIN, Math.exp(room / scale)));
        double lambda = aim * gain;
        double p = m.answerProbability();
        AbandonForecast forecast = AbandonForecast.of(round);
        int agents = activeAgents(s);
        int limit = Math.max(floor, MAX_LINES_PER_AGENT * agents - s.pendingOriginates() - s.waitingInQueue());
        int n = floor;
        double before = forecast.expectedAbandons(n);
        while (n < limit) {
            double after = forecast.expectedAbandons(n + 1);
            boolean worthIt = after - before <= lambda * p;
            double expected = forecast.expectedAnswers(n + 1);
            double budget = Math.max(RECOVERY * aim * expected, aim * (m.answered() + expected) - m.abandoned()
                    + HEADROOM_ABANDONS);
            boolean underAim = after <= budget;
            if (!worthIt || !underAim) {
                break;
            }
            n++;
            before = after;
        }
        reasons.add(String.format(Locale.ROOT, "predictive: progressive %d + %d predicted (answer %.2f, "
                        + "abandoned %d of %d, λ %.4f, expected abandons %.2f)", floor, n - floor, p, m.abandoned(),
                m.answered(), lambda, before));
        int capped = ProgressiveDialing.capToChannels(s, n, reasons);
        return new DialDecision(free, 0, demand, OptionalDouble.of(p), n, capped, reasons);
    }

    /** Members not paused who are free or on a call: the agents the campaign has now. */
    static int activeAgents(DialerSnapshot s) {
        int agents = 0;
        for (QueueMember member : s.members()) {
            if (!member.paused() && (member.state().countsAsFree() || member.state().isOnCall())) {
                agents++;
            }
        }
        return agents;
    }
}
