package org.dialerd.core.dialer;

import java.util.Map;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns' options ({@code dialerd_campaign_options}) as last read, for readers that must
 * not query the database themselves. The owner schedules {@link #refresh()}; while the database
 * is down the last options stay.
 */
public final class CampaignOptionsCache {
    private static final Logger log = LoggerFactory.getLogger(CampaignOptionsCache.class);

    private final OutgoingCallStore store;
    private volatile Map<Integer, CampaignOptions> options = Map.of();
    private volatile boolean failing;

    public CampaignOptionsCache(OutgoingCallStore store) {
        this.store = store;
    }

    /** The campaign's options; {@link CampaignOptions#DEFAULTS} for a campaign without a row. */
    public CampaignOptions of(int campaignId) {
        return options.getOrDefault(campaignId, CampaignOptions.DEFAULTS);
    }

    public void refresh() {
        try {
            options = Map.copyOf(store.campaignOptions());
            if (failing) {
                failing = false;
                log.info("campaign options: read again");
            }
        } catch (RuntimeException e) { // the database's own or StoreException: the last options stay
            if (!failing) {
                failing = true;
                log.warn("campaign options: cannot read them ({}); keeping the last", e.getMessage());
            }
        }
    }
}
