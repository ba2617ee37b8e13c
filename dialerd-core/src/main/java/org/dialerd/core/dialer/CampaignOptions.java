package org.dialerd.core.dialer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * dialerd's own options of one outgoing campaign, from {@code dialerd_campaign_options}
 * (docs/database.md). {@link #DEFAULTS} is what a campaign without a row gets: the reference's
 * behaviour.
 *
 * @param abandonTargetPercent the most abandoned calls (2-second rule) per answered call, in percent
 * @param safeHarbour dialplan target {@code context,exten,priority} for an answered call no agent took in 2 s
 * @param wrapup after-call work after each of the campaign's calls (zero: none)
 * @param previewTimeout how long a preview call offered to an agent waits for accept or reject
 *                       before it goes back to the pool ({@code preview_seconds})
 */
public record CampaignOptions(DialMode mode, double abandonTargetPercent, Optional<String> safeHarbour,
                              Duration wrapup, Duration previewTimeout) {
    public static final double DEFAULT_ABANDON_TARGET_PERCENT = 3.0;
    public static final Duration DEFAULT_PREVIEW_TIMEOUT = Duration.ofSeconds(30);
    public static final CampaignOptions DEFAULTS = new CampaignOptions(DialMode.REFERENCE,
            DEFAULT_ABANDON_TARGET_PERCENT, Optional.empty(), Duration.ZERO);

    /** Options with the default preview timeout. */
    public CampaignOptions(DialMode mode, double abandonTargetPercent, Optional<String> safeHarbour, Duration wrapup) {
        this(mode, abandonTargetPercent, safeHarbour, wrapup, DEFAULT_PREVIEW_TIMEOUT);
    }

    public CampaignOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(safeHarbour, "safeHarbour");
        Objects.requireNonNull(wrapup, "wrapup");
        if (!(abandonTargetPercent >= 0 && abandonTargetPercent <= 100)) {
            throw new IllegalArgumentException("abandon_target_pct must be 0..100: " + abandonTargetPercent);
        }
        Objects.requireNonNull(previewTimeout, "previewTimeout");
        if (previewTimeout.isNegative() || previewTimeout.isZero()) {
            throw new IllegalArgumentException("preview_seconds must be positive: " + previewTimeout.toSeconds());
        }
        if (wrapup.isNegative()) {
            throw new IllegalArgumentException("wrapup_seconds must not be negative: " + wrapup);
        }
    }
}
