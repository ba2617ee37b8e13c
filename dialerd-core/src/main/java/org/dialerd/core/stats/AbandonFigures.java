package org.dialerd.core.stats;

import java.util.OptionalDouble;

/**
 * One campaign's abandoned calls by the regulatory (2-second) rule: a call a person answered
 * that no agent was connected to within 2 s of the answer. Answered calls are the denominator.
 *
 * @param today         calls answered since midnight (the daemon's time zone)
 * @param last30Days    calls answered today and on the 29 days before
 * @param targetPercent the campaign's abandon_target_pct (dialerd_campaign_options; default 3)
 */
public record AbandonFigures(int campaignId, Tally today, Tally last30Days, double targetPercent) {

    /**
     * @param answered  calls a person answered
     * @param abandoned of those, calls no agent took within 2 s (also calls still waiting past 2 s)
     */
    public record Tally(long answered, long abandoned) {
        public static final Tally EMPTY = new Tally(0, 0);

        /** abandoned / answered; empty before the first answered call. */
        public OptionalDouble rate() {
            return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) abandoned / answered);
        }

        Tally plus(Tally other) {
            return new Tally(answered + other.answered, abandoned + other.abandoned);
        }
    }

    /** Whether the 30-day rate is above the target (false before the first answered call). */
    public boolean overTarget() {
        return last30Days.rate().orElse(0) * 100 > targetPercent;
    }
}
