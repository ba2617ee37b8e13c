package org.dialerd.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallState;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each active outgoing campaign has got (numbers pending, placed, answered, failed),
 * read from the database by one refresh for every reader: wallboards read the last figures,
 * never the database. The caller schedules {@link #refresh()} (every few seconds).
 */
public final class CampaignProgress {
    private static final Logger log = LoggerFactory.getLogger(CampaignProgress.class);

    /**
     * One campaign over its whole life.
     *
     * @param pending  numbers not dialled yet
     * @param placed   numbers dialled at least once (every state but pending)
     * @param answered reached an agent (Success, ShortCall)
     * @param failed   Failure, NoAnswer or Abandoned at their last attempt
     */
    public record Progress(int campaignId, String name, String queue, long pending, long placed, long answered,
                           long failed) {
    }

    private final OutgoingCallStore campaigns;
    private final CampaignStatusStore statuses;
    private volatile List<Progress> last = List.of();
    private volatile boolean failing;

    public CampaignProgress(OutgoingCallStore campaigns, CampaignStatusStore statuses) {
        this.campaigns = campaigns;
        this.statuses = statuses;
    }

    /** The figures of the last refresh that succeeded. */
    public List<Progress> last() {
        return last;
    }

    /** Reads every active campaign once; while the database is down the last figures stay. */
    public void refresh() {
        try {
            List<Progress> read = new ArrayList<>();
            for (OutgoingCallStore.Campaign campaign : campaigns.activeCampaigns()) {
                statuses.outgoingCampaign(campaign.id(), Optional.empty()).ifPresent(summary -> read.add(
                        new Progress(campaign.id(), campaign.name(), campaign.queue(), summary.count(CallState.PENDING),
                                summary.total() - summary.count(CallState.PENDING),
                                summary.count(CallState.SUCCESS) + summary.count(CallState.SHORT_CALL),
                                summary.count(CallState.FAILURE) + summary.count(CallState.NO_ANSWER)
                                        + summary.count(CallState.ABANDONED))));
            }
            last = List.copyOf(read);
            if (failing) {
                failing = false;
                log.info("campaign progress: read again");
            }
        } catch (RuntimeException e) { // StoreException or the database's own: a refresh outlives an outage
            if (!failing) {
                failing = true;
                log.warn("campaign progress: cannot read the campaigns ({}); showing the last figures", e.getMessage());
            }
        }
    }
}
