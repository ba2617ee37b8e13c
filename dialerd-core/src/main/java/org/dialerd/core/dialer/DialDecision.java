package org.dialerd.core.dialer;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How many calls to place now and how the {@link Predictor} got there, so a log line or a
 * metric can explain every decision.
 *
 * @param freeAgents       members not paused and NOT_INUSE or RINGING
 * @param aboutToBeFree    busy members predicted free by the time a new call is answered
 * @param demand           free + about to be free - waiting - pending originates - scheduled
 *                         (may be negative)
 * @param answerRate       the rate the demand was divided by, when overcommit applied
 * @param beforeCap        after the floor at 0 and overcommit, before max_canales
 * @param callsToPlace     the answer
 * @param reasons          short sentences, in the order the rules ran
 */
public record DialDecision(int freeAgents, int aboutToBeFree, int demand, OptionalDouble answerRate,
                           int beforeCap, int callsToPlace, List<String> reasons) {
    public DialDecision {
        reasons = List.copyOf(reasons);
    }

    /** One line for the log. */
    public String explain() {
        return "place " + callsToPlace + " (" + String.join("; ", reasons) + ")";
    }
}
