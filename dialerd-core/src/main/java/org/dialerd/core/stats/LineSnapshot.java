package org.dialerd.core.stats;

import java.util.OptionalDouble;

/**
 * One service line's figures at one moment.
 *
 * @param waiting calls in the queue now
 * @param longestWaitSeconds how long the oldest of them has waited (0 when none)
 * @param estimatedWaitSeconds what a caller entering now can expect to wait: the callers
 *        ahead of it plus itself, divided by the rate at which the line answered in the last
 *        15 minutes; empty when nothing was answered in that time
 * @param serviceLevelSeconds the threshold {@code answeredInTime} was counted against
 * @param last15Minutes the rolling window (whole minutes, the current one included)
 * @param today since local midnight (or since dialerd started, when later)
 */
public record LineSnapshot(LineKey line, int waiting, long longestWaitSeconds, OptionalDouble estimatedWaitSeconds,
                           int serviceLevelSeconds, Window last15Minutes, Window today) {
}
