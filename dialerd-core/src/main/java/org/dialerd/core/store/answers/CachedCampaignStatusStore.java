package org.dialerd.core.store.answers;

import java.time.LocalDateTime;
import java.util.Optional;
import org.dialerd.core.store.CampaignStatusStore;

/** getcampaignstatus' and getincomingqueuestatus' call summaries from the {@link AnswerCache}. */
final class CachedCampaignStatusStore implements CampaignStatusStore {
    private record Outgoing(long campaignId, Optional<LocalDateTime> since) {}

    private record IncomingCampaign(long campaignId, Optional<LocalDateTime> since) {}

    private record Queue(String queue, Optional<LocalDateTime> since) {}

    private final CampaignStatusStore store;
    private final AnswerCache cache;

    CachedCampaignStatusStore(CampaignStatusStore store, AnswerCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
        return cache.get(new Outgoing(campaignId, since), () -> store.outgoingCampaign(campaignId, since));
    }

    @Override
    public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
        return cache.get(new IncomingCampaign(campaignId, since), () -> store.incomingCampaign(campaignId, since));
    }

    @Override
    public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
        return cache.get(new Queue(queue, since), () -> store.incomingQueue(queue, since));
    }
}
