package org.dialerd.core.dialer;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A baseline for the evaluation, not a dial mode: an adaptive dial-level controller built from
 * what VICIdial documents of its ADAPT_HARD_LIMIT method (docs/dialer.md, "Baselines"). The dial
 * level (lines per agent) rises while the campaign's drop percentage is under the limit and
 * agents are waiting, falls back to one line per agent once the limit is reached, until the
 * percentage is under it again, and never exceeds the maximum level. Calls placed =
 * level × (free + talking agents) − (ringing + waiting + talking calls), so at level 1 it is
 * progressive. Keeps its level between rounds: one instance per campaign.
 */
public final class AdaptiveDialLevel implements DialStrategy {
    /** VICIdial's adaptive_maximum_level default. */
    public static final double DEFAULT_MAX_LEVEL = 3.0;
    /** Rounds between level changes (VICIdial recomputes every few seconds; 5 rounds of 3 s here). */
    static final int ROUNDS_PER_ADJUSTMENT = 5;
    /** Level change per adjustment (our choice: VICIdial does not document its step). */
    static final double STEP = 0.1;

    private final double dropLimitPercent;
    private final double maxLevel;
    private double level = 1.0;
    private int rounds;
    private boolean agentsWaited;

    public AdaptiveDialLevel(double dropLimitPercent, double maxLevel) {
        if (!(dropLimitPercent >= 0) || !(maxLevel >= 1)) {
            throw new IllegalArgumentException("drop limit " + dropLimitPercent + " and max level " + maxLevel
                    + ": the limit must be >= 0 and the level >= 1");
        }
        this.dropLimitPercent = dropLimitPercent;
        this.maxLevel = maxLevel;
    }

    @Override
    public DialDecision decide(DialRound round) {
        DialerSnapshot s = round.snapshot();
        int free = ProgressiveDialing.freeAgents(s);
        agentsWaited |= free > 0;
        if (++rounds % ROUNDS_PER_ADJUSTMENT == 0) {
            double drop = round.measured().abandonRate() * 100;
            if (drop >= dropLimitPercent) {
                level = 1.0; // at the limit: no aggressive dialing until the percentage is under it again
            } else if (agentsWaited) {
                level = Math.min(maxLevel, level + STEP);
            }
            agentsWaited = false;
        }
        int agents = AbandonTargetPredictor.activeAgents(s);
        int talking = agents - free;
        int inFlight = s.pendingOriginates() + s.waitingInQueue() + s.scheduledCalls() + talking;
        int demand = (int) Math.floor(level * agents + 1e-9) - inFlight;
        int calls = Math.max(0, demand);
        List<String> reasons = new java.util.ArrayList<>(List.of(String.format(Locale.ROOT,
                "adaptive level %.1f x %d agents - %d in flight = %d", level, agents, inFlight, demand)));
        int capped = ProgressiveDialing.capToChannels(s, calls, reasons);
        return new DialDecision(free, 0, demand, OptionalDouble.empty(), calls, capped, reasons);
    }

    double level() {
        return level;
    }
}
