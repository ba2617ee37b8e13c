package org.dialerd.eccp.handler.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.CampaignStore;

/** A campaign store over maps; records the last query so tests can check how arguments were read. */
public final class FakeCampaignStore implements CampaignStore {
    public final List<CampaignSummary> campaigns = new ArrayList<>();
    public final List<IncomingQueue> queues = new ArrayList<>();
    public final Map<String, String> queueScripts = new HashMap<>();
    public final Map<String, Campaign> details = new HashMap<>();
    public final Map<String, QueueWait> waits = new HashMap<>();
    public CampaignQuery lastQuery;
    public Page lastPage;
    public String lastQueue;

    public static String key(CampaignType type, long id) {
        return type + "/" + id;
    }

    @Override
    public List<CampaignSummary> findCampaigns(CampaignQuery query) {
        lastQuery = query;
        return campaigns.stream().filter(c -> query.types().contains(c.type())).toList();
    }

    @Override
    public List<IncomingQueue> findIncomingQueues(Page page) {
        lastPage = page;
        return queues;
    }

    @Override
    public Optional<String> findQueueScript(String queue) {
        lastQueue = queue;
        return Optional.ofNullable(queueScripts.get(queue));
    }

    @Override
    public Optional<Campaign> findCampaign(CampaignType type, long id) {
        return Optional.ofNullable(details.get(key(type, id)));
    }

    @Override
    public QueueWait queueWait(CampaignType type, long campaignId) {
        return waits.getOrDefault(key(type, campaignId), new QueueWait(List.of(), 0));
    }
}
