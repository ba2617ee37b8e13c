package org.dialerd.eccp.handler.report;

import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.store.ReportStore.IncomingCampaign;
import org.dialerd.core.store.ReportStore.IncomingQueue;
import org.dialerd.core.store.ReportStore.LogSource;
import org.dialerd.core.store.ReportStore.Newest;
import org.dialerd.core.store.ReportStore.OutgoingCampaign;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * What a campaignlog request selects, read as the reference reads it: {@code campaign_type}
 * incoming|outgoing, else a top-level 400; outgoing needs {@code campaign_id}; incoming needs
 * {@code campaign_id} or {@code queue}, and the campaign wins when both are given (the queue
 * then selects only calls without campaign). Ids and counts are PHP integer casts
 * ({@code abc} → 0). {@code idbefore} only counts together with {@code last_n}.
 *
 * @param campaignType the wire word, echoed in every {@code logentry}
 */
public record CampaignLogQuery(String campaignType, LogSource source, Optional<Newest> newest) {
    static final String INCOMING = "incoming";
    static final String OUTGOING = "outgoing";

    public static CampaignLogQuery from(XmlElement request) {
        String type = Args.required(request, "campaign_type");
        if (!type.equals(INCOMING) && !type.equals(OUTGOING)) {
            throw EccpFailure.badRequest();
        }
        Optional<Long> campaignId = request.childText("campaign_id").map(Args::phpInt);
        LogSource source;
        if (type.equals(OUTGOING)) {
            source = new OutgoingCampaign(campaignId.orElseThrow(EccpFailure::badRequest));
        } else if (campaignId.isPresent()) {
            source = new IncomingCampaign(campaignId.get());
        } else {
            source = new IncomingQueue(request.childText("queue").orElseThrow(EccpFailure::badRequest));
        }
        Optional<Newest> newest = request.childText("last_n").map(count -> new Newest(Args.phpInt(count),
                request.childText("idbefore").map(id -> OptionalLong.of(Args.phpInt(id))).orElse(OptionalLong.empty())));
        return new CampaignLogQuery(type, source, newest);
    }
}
