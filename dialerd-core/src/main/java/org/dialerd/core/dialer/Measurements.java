package org.dialerd.core.dialer;

import java.util.Objects;

/**
 * One campaign's measurements at the instant of a decision ({@link CampaignMeasurements#snapshot()}).
 *
 * @param answerProbability answered / known outcomes, over the last {@link CampaignMeasurements#WINDOW} originates
 *                          whose time's outcomes are all known
 * @param outcomes          known outcomes in that window
 * @param answerDelay       seconds from originate to answer, of answered calls
 * @param failDelay         seconds from originate to failure, of calls not answered
 * @param talk              seconds of talk with an agent
 * @param answered          answered calls whose fate is known (reached an agent, or not)
 * @param abandoned         of those, the ones no agent took within 2 s
 * @param wrapup            seconds of after-call work before the agent went back to work
 */
public record Measurements(double answerProbability, int outcomes, EmpiricalDistribution answerDelay,
                           EmpiricalDistribution failDelay, EmpiricalDistribution talk, long answered,
                           long abandoned, EmpiricalDistribution wrapup) {
    public static final Measurements NONE = new CampaignMeasurements().snapshot(0);

    public Measurements {
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(failDelay, "failDelay");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(wrapup, "wrapup");
        if (abandoned > answered) {
            throw new IllegalArgumentException("abandoned " + abandoned + " exceeds answered " + answered);
        }
    }

    /** Without wrap-up samples. */
    public Measurements(double answerProbability, int outcomes, EmpiricalDistribution answerDelay,
                        EmpiricalDistribution failDelay, EmpiricalDistribution talk, long answered, long abandoned) {
        this(answerProbability, outcomes, answerDelay, failDelay, talk, answered, abandoned,
                EmpiricalDistribution.EMPTY);
    }

    /** abandoned / answered, 0 before the first answered call. */
    public double abandonRate() {
        return answered == 0 ? 0 : (double) abandoned / answered;
    }
}
