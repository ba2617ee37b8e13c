package org.dialerd.eccp.protocol;

import java.time.format.DateTimeFormatter;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.PreviewOffer;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The preview dialing mode's elements (extensions, docs/protocol.md "Preview dialing"):
 * {@code <previewcall>} when a call is offered, {@code <previewcancelled>} when the offer ends
 * without an accept, and the {@code <preview>} element of getagentstatus while one is offered.
 */
public final class PreviewXml {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PreviewXml() {
    }

    /** The offer's elements, after {@code agent_number} in the event; {@code attributes} as agentlinked's. */
    public static XmlElement.Builder offer(XmlElement.Builder target, PreviewOffer offer, XmlElement attributes) {
        return target.add("calltype", "outgoing")
                .add("campaign_id", offer.campaignId())
                .addIfPresent("campaign_name", offer.campaignName())
                .add("call_id", offer.callId())
                .add("phone", offer.phone())
                .addIfPresent("queue", offer.queue())
                .add("datetime_offered", offer.offered().format(DATE_TIME))
                .add("datetime_expires", offer.expires().format(DATE_TIME))
                .add(attributes);
    }

    /** {@code <event><previewcall>}; {@code attributes}: the call's {@code <call_attributes>}. */
    public static XmlElement offered(AgentEvent.PreviewOffered e, XmlElement attributes) {
        return XmlElement.of("event", offer(XmlElement.builder("previewcall").add("agent_number", e.agentNumber()),
                e.offer(), attributes).build());
    }

    /** The getagentstatus element: what is offered now (attributes: getcallinfo has them). */
    public static XmlElement status(PreviewOffer offer) {
        return offer(XmlElement.builder("preview"), offer, XmlElement.builder("call_attributes").build()).build();
    }

    static XmlElement cancelled(AgentEvent.PreviewCancelled e) {
        return XmlElement.builder("previewcancelled")
                .add("agent_number", e.agentNumber())
                .add("calltype", "outgoing")
                .add("campaign_id", e.campaignId())
                .add("call_id", e.callId())
                .add("reason", e.reason())
                .build();
    }
}
