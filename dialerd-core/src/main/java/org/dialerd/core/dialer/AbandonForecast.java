package org.dialerd.core.dialer;

import java.util.Arrays;
import java.util.List;

/**
 * The predictor's model of the next seconds of one campaign, from the live measurements: for
 * each second t ahead, how many answered calls will need an agent by t (the ones waiting now,
 * the originates still ringing, and n new calls) against how many agents will be free by
 * t + 2 s (free now, plus each agent on a call whose call and wrap-up will be over, from the
 * talk times given how long the call has lasted: {@link TalkSurvival}, the finished calls with
 * the calls in progress as censored samples). Both are sums of independent
 * Bernoulli terms; their difference is taken as normal, and the expected shortfall at the worst
 * second is the expected number of calls no agent takes within 2 s. Immutable.
 */
final class AbandonForecast {
    /** Seconds between the instants looked at. */
    static final double STEP_SECONDS = 1;
    /** Never looks further than this: an answer later than that is rare and far from this round. */
    static final double MAX_HORIZON_SECONDS = 60;
    /**
     * The variance of the difference is multiplied by this: the expected shortfall at the worst
     * second is less than the expected worst shortfall over all of them, and the answer rate and
     * talk times are themselves estimates. 3 is what the evaluation grid supported best.
     */
    static final double VARIANCE_INFLATION = 3.0;

    private final double[] gapMean;
    private final double[] gapVariance;
    private final double[] answeredBy;
    private final double answerProbability;
    private final double committedAnswers;
    /** Calls that can need an agent at most, minus agents free now: at or below 0 nothing can be abandoned. */
    private final int worstCaseGap;

    private AbandonForecast(double[] gapMean, double[] gapVariance, double[] answeredBy, double answerProbability,
                            double committedAnswers, int worstCaseGap) {
        this.gapMean = gapMean;
        this.gapVariance = gapVariance;
        this.answeredBy = answeredBy;
        this.answerProbability = answerProbability;
        this.committedAnswers = committedAnswers;
        this.worstCaseGap = worstCaseGap;
    }

    /** Wrap-up samples needed before the measured mean replaces the campaign's configured wrap-up. */
    static final int MIN_WRAPUP_SAMPLES = 5;

    /**
     * The after-call work a busy agent has after its call: the mean of the measured wrap-ups once
     * there are {@value #MIN_WRAPUP_SAMPLES} (agents that end it early with endwrapup come back
     * sooner than {@code wrapup_seconds} says), else the campaign's {@code wrapup_seconds}.
     */
    static double wrapupSeconds(DialRound round) {
        EmpiricalDistribution measured = round.measured().wrapup();
        return measured.size() >= MIN_WRAPUP_SAMPLES ? measured.mean() : round.options().wrapup().toMillis() / 1000.0;
    }

    static AbandonForecast of(DialRound round) {
        DialerSnapshot s = round.snapshot();
        Measurements m = round.measured();
        double p = m.answerProbability();
        EmpiricalDistribution delay = m.answerDelay();
        double horizon = Math.min(MAX_HORIZON_SECONDS, Math.ceil(delay.quantile(0.99)) + STEP_SECONDS);
        int steps = (int) Math.ceil(horizon / STEP_SECONDS) + 1;
        double wrapup = wrapupSeconds(round);
        double[] mean = new double[steps];
        double[] variance = new double[steps];
        double[] newAnswered = new double[steps];
        int free = ProgressiveDialing.freeAgents(s);
        int waiting = s.waitingInQueue() + s.scheduledCalls();
        double committed = waiting;
        double[] ringing = stillRinging(round.pendingAgeSeconds(), m);
        for (int j = 0; j < ringing.length; j++) {
            committed += ringing[j];
        }
        List<Double> ages = round.pendingAgeSeconds();
        TalkSurvival talk = TalkSurvival.of(m.talk(), talkingNow(s));
        // Each call and agent once over all the seconds (each sum still adds its terms in the same
        // order); the distributions at the call's age are looked up once.
        double[] demand = new double[steps];
        double[] demandVar = new double[steps];
        Arrays.fill(demand, waiting);
        double[] answeredSince = new double[steps];
        double lastAge = Double.NaN;
        double stillUnanswered = 0;
        for (int j = 0; j < ages.size(); j++) {
            double a = ages.get(j);
            if (a != lastAge) { // calls placed in the same round have the same age: looked up once
                double before = delay.cdf(a);
                stillUnanswered = 1 - before;
                for (int k = 0; k < steps; k++) {
                    answeredSince[k] = delay.cdf(a + k * STEP_SECONDS) - before;
                }
                lastAge = a;
            }
            for (int k = 0; k < steps; k++) {
                double r = stillUnanswered <= 0 ? 0 : ringing[j] * answeredSince[k] / stillUnanswered;
                demand[k] += r;
                demandVar[k] += r * (1 - r);
            }
        }
        double[] supply = new double[steps];
        double[] supplyVar = new double[steps];
        Arrays.fill(supply, free);
        for (QueueMember member : s.members()) {
            if (member.paused() || !member.state().isOnCall()) {
                continue;
            }
            double talked = member.talkSeconds();
            double alive = talk.survival(talked);
            for (int k = 0; k < steps; k++) {
                double g = talk.conditionalCdf(talked, alive, k * STEP_SECONDS + CampaignMeasurements.ABANDON_SECONDS
                        - wrapup);
                supply[k] += g;
                supplyVar[k] += g * (1 - g);
            }
        }
        for (int k = 0; k < steps; k++) {
            mean[k] = demand[k] - supply[k];
            variance[k] = (demandVar[k] + supplyVar[k]) * VARIANCE_INFLATION;
            newAnswered[k] = p * delay.cdf(k * STEP_SECONDS);
        }
        int worst = waiting + ages.size() - free;
        return new AbandonForecast(mean, variance, newAnswered, p, committed, worst);
    }

    /** How long the calls of the agents on one have lasted. */
    private static double[] talkingNow(DialerSnapshot s) {
        return s.members().stream().filter(member -> !member.paused() && member.state().isOnCall())
                .mapToDouble(QueueMember::talkSeconds).toArray();
    }

    /** For each ringing call, the chance it will still be answered given how long it has rung. */
    private static double[] stillRinging(List<Double> ages, Measurements m) {
        double p = m.answerProbability();
        double[] chance = new double[ages.size()];
        for (int j = 0; j < chance.length; j++) {
            double a = ages.get(j);
            if (j > 0 && a == ages.get(j - 1)) {
                chance[j] = chance[j - 1];
                continue;
            }
            double answerLater = p * (1 - m.answerDelay().cdf(a));
            double failLater = (1 - p) * (m.failDelay().isEmpty() ? 1 : 1 - m.failDelay().cdf(a));
            chance[j] = answerLater + failLater <= 0 ? 0 : answerLater / (answerLater + failLater);
        }
        return chance;
    }

    /** Expected answered calls no agent takes within 2 s, with n new calls placed now. */
    double expectedAbandons(int n) {
        if (worstCaseGap + n <= 0) {
            return 0;
        }
        double worst = 0;
        for (int k = 0; k < gapMean.length; k++) {
            double q = answeredBy[k];
            double mu = gapMean[k] + n * q;
            double variance = gapVariance[k] + n * q * (1 - q) * VARIANCE_INFLATION;
            worst = Math.max(worst, positivePart(mu, variance));
        }
        return Math.min(worst, worstCaseGap + n);
    }

    /** Expected answers still to come from the calls in flight and n new ones. */
    double expectedAnswers(int n) {
        return committedAnswers + n * answerProbability;
    }

    /** E[max(X, 0)] for X normal with this mean and variance. */
    static double positivePart(double mean, double variance) {
        if (variance < 1e-12) {
            return Math.max(0, mean);
        }
        double sd = Math.sqrt(variance);
        double z = mean / sd;
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return sd * density + mean * normalCdf(z);
    }

    /** Φ(z), by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
