package org.dialerd.core.store.answers;

import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CampaignStore;

/**
 * getcampaignqueuewait's counts (answered calls by wait, abandoned calls: call rows) from the
 * {@link AnswerCache}; the campaigns themselves come from the reference snapshot behind it.
 */
final class CachedQueueWaitStore implements CampaignStore {
    private record Wait(CampaignType type, long campaignId) {}

    private final CampaignStore store;
    private final AnswerCache cache;

    CachedQueueWaitStore(CampaignStore store, AnswerCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public List<CampaignSummary> findCampaigns(CampaignQuery query) {
        return store.findCampaigns(query);
    }

    @Override
    public List<IncomingQueue> findIncomingQueues(Page page) {
        return store.findIncomingQueues(page);
    }

    @Override
    public Optional<String> findQueueScript(String queue) {
        return store.findQueueScript(queue);
    }

    @Override
    public Optional<Campaign> findCampaign(CampaignType type, long id) {
        return store.findCampaign(type, id);
    }

    @Override
    public QueueWait queueWait(CampaignType type, long campaignId) {
        return cache.get(new Wait(type, campaignId), () -> store.queueWait(type, campaignId));
    }
}
