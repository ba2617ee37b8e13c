package org.dialerd.core.dialer;

/**
 * How many calls a campaign places in one round, by {@link DialMode}. A strategy is a pure
 * function of the round, except a controller that keeps its own state between rounds
 * (one instance per campaign, then: see {@link DialStrategies#forCampaign}).
 */
@FunctionalInterface
public interface DialStrategy {
    DialDecision decide(DialRound round);
}
