package org.dialerd.core.dialer;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DialStrategy} may look at for one campaign in one round: the reference's
 * {@link DialerSnapshot}, the ages of the campaign's originates still waiting for an outcome,
 * the campaign's measurements and its options. Immutable.
 *
 * @param pendingAgeSeconds seconds since each unanswered originate was placed
 */
public record DialRound(DialerSnapshot snapshot, List<Double> pendingAgeSeconds, Measurements measured,
                        CampaignOptions options) {
    public DialRound {
        Objects.requireNonNull(snapshot, "snapshot");
        pendingAgeSeconds = List.copyOf(pendingAgeSeconds);
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(options, "options");
    }

    /** A round with only the reference's inputs (no measurements, default options). */
    public static DialRound of(DialerSnapshot snapshot) {
        return new DialRound(snapshot, List.of(), Measurements.NONE, CampaignOptions.DEFAULTS);
    }
}
