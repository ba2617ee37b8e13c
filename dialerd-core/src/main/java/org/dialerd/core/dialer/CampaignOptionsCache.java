package org.dialerd.core.dialer;

import java.util.Map;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns' options ({@code dialerd_campaign_options}) for readers off the engine (the
 * abandon counter's targets). They come from the store, which dialerd wires in front of the
 * reference data ({@code CachedOutgoingCallStore}: one read of the table, checked every 500 ms),
 * so asking costs no query; when the store fails (a database store while the table is not in
 * memory and the database is down) the options last answered stay.
 */
public final class CampaignOptionsCache {
    private static final Logger log = LoggerFactory.getLogger(CampaignOptionsCache.class);

    private final OutgoingCallStore store;
    private volatile Map<Integer, CampaignOptions> last = Map.of();
    private volatile boolean failing;

    public CampaignOptionsCache(OutgoingCallStore store) {
        this.store = store;
    }

    /** The campaign's options; {@link CampaignOptions#DEFAULTS} for a campaign without a row. */
    public CampaignOptions of(int campaignId) {
        return current().getOrDefault(campaignId, CampaignOptions.DEFAULTS);
    }

    private Map<Integer, CampaignOptions> current() {
        try {
            Map<Integer, CampaignOptions> options = store.campaignOptions();
            last = options;
            if (failing) {
                failing = false;
                log.info("campaign options: read again");
            }
            return options;
        } catch (RuntimeException e) { // the database's own or StoreException: the last options stay
            if (!failing) {
                failing = true;
                log.warn("campaign options: cannot read them ({}); keeping the last", e.getMessage());
            }
            return last;
        }
    }
}
