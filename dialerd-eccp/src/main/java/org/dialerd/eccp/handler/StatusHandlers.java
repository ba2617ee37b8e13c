package org.dialerd.eccp.handler;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.dialerd.eccp.handler.status.CampaignStatusXml;
import org.dialerd.eccp.handler.status.StartDay;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * getcampaignstatus and getincomingqueuestatus: call counts and durations from the database,
 * the queue's agents live from the engine. Arguments are checked in the reference's order:
 * the id, then the start day, then the campaign type.
 */
final class StatusHandlers {
    private StatusHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.GETCAMPAIGNSTATUS,
                (context, request) -> campaignStatus(context, request, store(context)),
                RequestName.GETINCOMINGQUEUESTATUS,
                (context, request) -> incomingQueueStatus(context, request, store(context)));
    }

    /** {@code campaign_type} defaults to outgoing; an unknown campaign is a wrapped 404. */
    static XmlElement campaignStatus(RequestContext context, XmlElement request, CampaignStatusStore store) {
        long campaignId = Args.phpInt(Args.required(request, "campaign_id"));
        String type = Args.optional(request, "campaign_type").orElse("outgoing");
        Optional<LocalDateTime> since = StartDay.from(request);
        Optional<CallSummary> summary = switch (type) {
            case "outgoing" -> store.outgoingCampaign(campaignId, since);
            case "incoming" -> store.incomingCampaign(campaignId, since);
            default -> throw EccpFailure.badRequest();
        };
        return CampaignStatusXml.toXml(context.name().responseName(), type.equals("outgoing"),
                summary.orElseThrow(() -> EccpFailure.wrapped(404, "Campaign not found")),
                context.services().engine().views(), today(context));
    }

    /** Only calls without campaign count; an unknown queue answers zeros, never 404. */
    static XmlElement incomingQueueStatus(RequestContext context, XmlElement request, CampaignStatusStore store) {
        String queue = Args.required(request, "queue");
        Optional<LocalDateTime> since = StartDay.from(request);
        return CampaignStatusXml.toXml(context.name().responseName(), false, store.incomingQueue(queue, since),
                context.services().engine().views(), today(context));
    }

    private static CampaignStatusStore store(RequestContext context) {
        return context.services().stores().campaignStatus();
    }

    private static LocalDate today(RequestContext context) {
        return LocalDate.now(context.services().clock());
    }
}
