package org.dialerd.core.stats;

import java.util.List;

/**
 * The abandoned-call figures dialerd keeps live (2-second rule), for readers outside the
 * engine: the ECCP extension getcampaignabandonstatus, the JSON API, the wallboard, /metrics,
 * and the predictive dialer's closed loop. Reads are from memory, safe from any thread.
 */
public interface AbandonRates {
    /** Knows no calls: every campaign has empty figures (dialerd without the counter, tests). */
    AbandonRates NONE = new AbandonRates() {
        @Override
        public AbandonFigures figures(int campaignId) {
            return new AbandonFigures(campaignId, AbandonFigures.Tally.EMPTY, AbandonFigures.Tally.EMPTY,
                    org.dialerd.core.dialer.CampaignOptions.DEFAULT_ABANDON_TARGET_PERCENT);
        }

        @Override
        public List<AbandonFigures> all() {
            return List.of();
        }
    };

    /** One campaign's figures now; a campaign without answered calls has empty ones. */
    AbandonFigures figures(int campaignId);

    /** Every campaign with an answered call in the last 30 days, by id. */
    List<AbandonFigures> all();

    /**
     * The campaign's abandon rate over the last 30 days (abandoned / answered, 0..1); 0 before its
     * first answered call. What the predictive dialer holds under the campaign's target.
     */
    default double abandonRate(int campaignId) {
        return figures(campaignId).last30Days().rate().orElse(0);
    }
}
