package org.dialerd.core.dialer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.answers.TableStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one read of the campaigns' options ({@code dialerd_campaign_options}) that the dialer, the
 * safe-harbour message, the abandoned-call targets and the wrap-up times share, for readers that
 * must not query the database themselves (the engine thread). Fed two ways:
 * <ul>
 *   <li>the dialer's round reads the options after every earlier write, as part of its candidate
 *       read, and {@link #offer offers} that read here: while campaigns are dialled the others
 *       see what the last round saw;</li>
 *   <li>the answer cache's change check ({@link #checked}, every 500 ms) reads the table again
 *       when its commit time moved or is recent, so a web UI edit shows within about 1 s even
 *       when no campaign is dialled (nothing else reads it on a schedule of its own).</li>
 * </ul>
 * While the database is down the last options stay.
 */
public final class CampaignOptionsCache {
    /** The table the change check must report for this cache. */
    public static final String TABLE = "dialerd_campaign_options";
    private static final Logger log = LoggerFactory.getLogger(CampaignOptionsCache.class);

    private final OutgoingCallStore store;
    private volatile Map<Integer, CampaignOptions> options = Map.of();
    /** Moves each time the options read differ from the ones before. */
    private volatile long version;
    private volatile boolean failing;
    /** The table's stamp at the last check; null: none yet (the check thread only). */
    private TableStamp lastStamp;

    public CampaignOptionsCache(OutgoingCallStore store) {
        this.store = store;
    }

    /** The campaign's options; {@link CampaignOptions#DEFAULTS} for a campaign without a row. From memory. */
    public CampaignOptions of(int campaignId) {
        return options.getOrDefault(campaignId, CampaignOptions.DEFAULTS);
    }

    /** Every campaign's options, as last read. From memory. */
    public Map<Integer, CampaignOptions> all() {
        return options;
    }

    /** Moves each time the options changed: a reader that derives something from them knows when to again. */
    public long version() {
        return version;
    }

    /** Reads the table now (at start, and when the change check saw it change); a failure keeps the last. */
    public void refresh() {
        try {
            offer(store.campaignOptions());
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

    /** Options someone read from the table (the dialer's round, after every earlier write). */
    public void offer(Map<Integer, CampaignOptions> read) {
        Map<Integer, CampaignOptions> copy = Map.copyOf(read);
        if (!copy.equals(options)) {
            options = copy;
            version++;
        }
    }

    /**
     * A change check's result (the answer cache's, on its own thread): reads the table again when
     * its stamp moved since the previous check, or it changed in the last seconds (a second edit
     * in the same second would not move the stamp), or it is not in the check.
     */
    public void checked(List<TableStamp> stamps) {
        TableStamp stamp = stamps.stream().filter(s -> TABLE.equals(s.table())).findFirst().orElse(null);
        boolean changed = stamp == null || stamp.recent() || !Objects.equals(stamp, lastStamp);
        lastStamp = stamp;
        if (changed) {
            refresh();
        }
    }
}
