package org.dialerd.core.store.reference;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.QueueOptions;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.TakeoverScope;

/**
 * The dialer's store with {@code dialerd_campaign_options} answered from {@link ReferenceData}:
 * the one read of the campaigns' options, checked every refresh (500 ms) by its fingerprint and
 * reloaded when it changed, so the rounds, the preview dialer, the wrap-up times and the abandon
 * counter read no query of their own and a web UI edit applies within a second. Falls back to the
 * database while the table is not in memory. Everything else is the database store's.
 */
public final class CachedOutgoingCallStore implements OutgoingCallStore {
    private static final Set<ReferenceTable> OPTIONS = EnumSet.of(ReferenceTable.CAMPAIGN_OPTIONS);

    private final ReferenceData data;
    private final OutgoingCallStore database;

    public CachedOutgoingCallStore(ReferenceData data, OutgoingCallStore database) {
        this.data = data;
        this.database = database;
    }

    @Override
    public Map<Integer, CampaignOptions> campaignOptions() {
        return data.snapshotWith(OPTIONS).map(ReferenceSnapshot::campaignOptions)
                .orElseGet(database::campaignOptions);
    }

    @Override
    public List<Campaign> activeCampaigns() {
        return database.activeCampaigns();
    }

    @Override
    public Map<String, QueueOptions> queueOptions() {
        return database.queueOptions();
    }

    @Override
    public Map<Long, String> previewReservations(int campaignId, LocalDateTime now) {
        return database.previewReservations(campaignId, now);
    }

    @Override
    public List<AnsweredAttempt> answeredSince(LocalDateTime since) {
        return database.answeredSince(since);
    }

    @Override
    public List<CandidateCall> candidates(int campaignId, int retries, int limit) {
        return database.candidates(campaignId, retries, limit);
    }

    @Override
    public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
        return database.scheduledCalls(campaignId, retries, limit);
    }

    @Override
    public Set<String> doNotCall() {
        return database.doNotCall();
    }

    @Override
    public List<UnfinishedCall> unfinishedCalls(TakeoverScope scope) {
        return database.unfinishedCalls(scope);
    }
}
