package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.CampaignStore.CampaignSummary;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.IncomingQueue;
import org.dialerd.eccp.handler.campaign.CampaignInfoXml;
import org.dialerd.eccp.handler.campaign.CampaignListArgs;
import org.dialerd.eccp.handler.campaign.CampaignWords;
import org.dialerd.eccp.handler.campaign.Paging;
import org.dialerd.eccp.handler.campaign.QueueWaitHistogram;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Campaign and incoming-queue configuration: getcampaignlist, getcampaigninfo,
 * getqueuescript, getincomingqueuelist, getcampaignqueuewait. Ids are PHP integer casts
 * ({@code abc} is 0, which matches nothing), as in the reference.
 */
final class CampaignHandlers {
    private CampaignHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.GETCAMPAIGNLIST, CampaignHandlers::getCampaignList,
                RequestName.GETCAMPAIGNINFO, CampaignHandlers::getCampaignInfo,
                RequestName.GETQUEUESCRIPT, CampaignHandlers::getQueueScript,
                RequestName.GETINCOMINGQUEUELIST, CampaignHandlers::getIncomingQueueList,
                RequestName.GETCAMPAIGNQUEUEWAIT, CampaignHandlers::getCampaignQueueWait);
    }

    static XmlElement getCampaignList(RequestContext context, XmlElement request) {
        XmlElement.Builder campaigns = XmlElement.builder("campaigns");
        for (CampaignSummary campaign : campaigns(context).findCampaigns(CampaignListArgs.parse(request))) {
            campaigns.add(XmlElement.builder("campaign")
                    .add("id", campaign.id())
                    .add("type", CampaignWords.word(campaign.type()))
                    .add("name", campaign.name())
                    .add("status", CampaignWords.statusWord(campaign.status()))
                    .build());
        }
        return XmlElement.of(RequestName.GETCAMPAIGNLIST.responseName(), campaigns.build());
    }

    /** {@code campaign_type} is optional here and defaults to outgoing. */
    static XmlElement getCampaignInfo(RequestContext context, XmlElement request) {
        long id = Args.phpInt(Args.required(request, "campaign_id"));
        CampaignType type = campaignType(Args.optional(request, "campaign_type").orElse("outgoing"));
        return campaigns(context).findCampaign(type, id)
                .map(CampaignInfoXml::toXmlOnce)
                .orElseThrow(() -> EccpFailure.wrapped(404, "Campaign not found"));
    }

    /** The queue's script as stored: unlike getcampaigninfo, no HTML-entity decoding. */
    static XmlElement getQueueScript(RequestContext context, XmlElement request) {
        String queue = String.valueOf(Args.phpInt(Args.required(request, "queue")));
        String script = campaigns(context).findQueueScript(queue)
                .orElseThrow(() -> EccpFailure.wrapped(404, "Queue not found in incoming queues"));
        return XmlElement.of(RequestName.GETQUEUESCRIPT.responseName(), XmlElement.text("script", script));
    }

    static XmlElement getIncomingQueueList(RequestContext context, XmlElement request) {
        XmlElement.Builder queues = XmlElement.builder("queues");
        for (IncomingQueue queue : campaigns(context).findIncomingQueues(Paging.page(request))) {
            queues.add(XmlElement.builder("queue")
                    .add("id", queue.id())
                    .add("queue", queue.queue().orElse(""))
                    .add("status", CampaignWords.statusWord(queue.status()))
                    .build());
        }
        return XmlElement.of(RequestName.GETINCOMINGQUEUELIST.responseName(), queues.build());
    }

    /** An unknown campaign is not an error: its histogram is all zeros. */
    static XmlElement getCampaignQueueWait(RequestContext context, XmlElement request) {
        long id = Args.phpInt(Args.required(request, "campaign_id"));
        CampaignType type = campaignType(Args.required(request, "campaign_type"));
        return QueueWaitHistogram.toXml(campaigns(context).queueWait(type, id));
    }

    private static CampaignType campaignType(String word) {
        return CampaignWords.type(word).orElseThrow(EccpFailure::badRequest);
    }

    private static CampaignStore campaigns(RequestContext context) {
        return context.services().stores().campaigns();
    }
}
