package org.dialerd.eccp.handler.call;

import static org.dialerd.eccp.protocol.EccpTimes.dateTime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.store.CallStore.CallAttribute;
import org.dialerd.core.store.CallStore.CallType;
import org.dialerd.core.store.CallStore.Contact;
import org.dialerd.core.store.CallStore.IncomingCall;
import org.dialerd.core.store.CallStore.OutgoingCall;
import org.dialerd.core.store.CallStore.SurveyValue;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The call description getcallinfo answers (and agentlinked carries), in the reference's
 * element order. NULL columns are left out; {@code call_attributes}, {@code matching_contacts}
 * (incoming) and {@code call_survey} are always present, empty or not.
 *
 * <pre>{@code
 * outgoing: calltype call_id campaign_id phone status uniqueid duration datetime_originate
 *           datetime_originateresponse datetime_join datetime_linkstart datetime_linkend retries
 *           failure_cause failure_cause_txt agent_number trunk call_attributes call_survey
 * incoming: calltype call_id campaign_id phone status uniqueid duration datetime_join
 *           datetime_linkstart datetime_linkend trunk queue agent_number call_attributes
 *           matching_contacts call_survey
 * }</pre>
 */
public final class CallInfoXml {
    private CallInfoXml() {
    }

    /** Appends the outgoing call's elements to {@code target}. */
    public static XmlElement.Builder addOutgoing(XmlElement.Builder target, OutgoingCall call) {
        return addOutgoing(target, call, true);
    }

    /** Appends the incoming call's elements to {@code target}. */
    public static XmlElement.Builder addIncoming(XmlElement.Builder target, IncomingCall call) {
        return addIncoming(target, call, true);
    }

    /**
     * The agentlinked elements of an outgoing call, in the protocol document's order:
     * calltype, call_id, campaign_id, phone, status, uniqueid, datetime_originate,
     * datetime_originateresponse, datetime_join, datetime_linkstart, retries, call_attributes,
     * call_survey.
     */
    public static XmlElement.Builder addOutgoingLinked(XmlElement.Builder target, OutgoingCall call) {
        return addOutgoing(target, call, false);
    }

    /**
     * The agentlinked elements of an incoming call, in the protocol document's order:
     * calltype, call_id, campaign_id, phone, status, uniqueid, datetime_join,
     * datetime_linkstart, trunk, queue, call_attributes, matching_contacts, call_survey.
     */
    public static XmlElement.Builder addIncomingLinked(XmlElement.Builder target, IncomingCall call) {
        return addIncoming(target, call, false);
    }

    /** getcallinfo's elements ({@code callInfo}), or agentlinked's: the same order, fewer of them. */
    private static XmlElement.Builder addOutgoing(XmlElement.Builder target, OutgoingCall call, boolean callInfo) {
        XmlElement attributes = outgoingAttributes(call);
        return target.add("calltype", CallType.OUTGOING.wireName())
                .add("call_id", call.id())
                .add("campaign_id", call.campaignId())
                .addIfPresent("phone", call.phone())
                .addIfPresent("status", call.status())
                .addIfPresent("uniqueid", call.uniqueId())
                .addIfPresent("duration", callInfoOnly(callInfo, call.duration()))
                .addIfPresent("datetime_originate", dateTime(call.originate()))
                .addIfPresent("datetime_originateresponse", dateTime(call.originateResponse()))
                .addIfPresent("datetime_join", dateTime(call.joined()))
                .addIfPresent("datetime_linkstart", dateTime(call.linkStart()))
                .addIfPresent("datetime_linkend", callInfoOnly(callInfo, dateTime(call.linkEnd())))
                .add("retries", call.retries())
                .addIfPresent("failure_cause", callInfoOnly(callInfo, call.failureCause()))
                .addIfPresent("failure_cause_txt", callInfoOnly(callInfo, call.failureCauseText()))
                .addIfPresent("agent_number", callInfoOnly(callInfo, call.agentChannel()))
                .addIfPresent("trunk", callInfoOnly(callInfo, call.trunk()))
                .add(attributes)
                .add(survey(call.survey()));
    }

    /** getcallinfo's elements ({@code callInfo}, the contact with its source), or agentlinked's. */
    private static XmlElement.Builder addIncoming(XmlElement.Builder target, IncomingCall call, boolean callInfo) {
        XmlElement attributes = contactAttributes(call, callInfo);
        XmlElement matching = matchingContacts(call);
        return target.add("calltype", CallType.INCOMING.wireName())
                .add("call_id", call.id())
                .addIfPresent("campaign_id", call.campaignId())
                .addIfPresent("phone", call.phone())
                .addIfPresent("status", call.status())
                .addIfPresent("uniqueid", call.uniqueId())
                .addIfPresent("duration", callInfoOnly(callInfo, call.duration()))
                .addIfPresent("datetime_join", dateTime(call.joined()))
                .addIfPresent("datetime_linkstart", dateTime(call.linkStart()))
                .addIfPresent("datetime_linkend", callInfoOnly(callInfo, dateTime(call.linkEnd())))
                .addIfPresent("trunk", call.trunk())
                .addIfPresent("queue", call.queue())
                .addIfPresent("agent_number", callInfoOnly(callInfo, call.agentChannel()))
                .add(attributes)
                .add(matching)
                .add(survey(call.survey()));
    }

    /** An element only getcallinfo has: left out of agentlinked as a NULL column is. */
    private static Object callInfoOnly(boolean callInfo, Object value) {
        return callInfo ? value : null;
    }

    /** {@code <call_attributes>} of an outgoing call (also the previewcall event's). */
    public static XmlElement outgoingAttributes(OutgoingCall call) {
        XmlElement.Builder attributes = XmlElement.builder("call_attributes");
        for (CallAttribute attribute : call.attributes()) {
            attributes.add(attribute(attribute.label(), attribute.value(), attribute.order()));
        }
        return attributes.build();
    }

    /** call_attributes of an incoming call: its assigned contact's. */
    private static XmlElement contactAttributes(IncomingCall call, boolean withSource) {
        XmlElement.Builder attributes = XmlElement.builder("call_attributes");
        call.contact().ifPresent(contact -> attributes.addAll(contactAttributes(contact, withSource)));
        return attributes.build();
    }

    private static XmlElement matchingContacts(IncomingCall call) {
        XmlElement.Builder matching = XmlElement.builder("matching_contacts");
        for (Contact contact : call.matchingContacts()) {
            matching.add(XmlElement.builder("contact").attribute("id", contact.id())
                    .addAll(contactAttributes(contact, false)).build());
        }
        return matching.build();
    }

    /** The assigned contact also shows its source; the matching ones only the first four. */
    private static List<XmlElement> contactAttributes(Contact contact, boolean withSource) {
        List<XmlElement> attributes = new ArrayList<>(List.of(
                attribute("first_name", contact.firstName(), 1),
                attribute("last_name", contact.lastName(), 2),
                attribute("phone", contact.phone(), 3),
                attribute("cedula_ruc", contact.cedulaRuc(), 4)));
        if (withSource) {
            attributes.add(attribute("contact_source", contact.source(), 5));
        }
        return attributes;
    }

    /** A NULL label or value is written empty, as the reference does. */
    private static XmlElement attribute(String label, String value, long order) {
        return XmlElement.of("attribute",
                XmlElement.text("label", nullToEmpty(label)),
                XmlElement.text("value", nullToEmpty(value)),
                XmlElement.text("order", order));
    }

    /** {@code <form id><field id><label/><value/></field>…</form>…}, forms in the order the values come. */
    private static XmlElement survey(List<SurveyValue> values) {
        Map<Long, XmlElement.Builder> forms = new LinkedHashMap<>();
        for (SurveyValue value : values) {
            forms.computeIfAbsent(value.formId(), id -> XmlElement.builder("form").attribute("id", id))
                    .add(XmlElement.builder("field").attribute("id", value.fieldId())
                            .add("label", nullToEmpty(value.label()))
                            .add("value", nullToEmpty(value.value()))
                            .build());
        }
        XmlElement.Builder survey = XmlElement.builder("call_survey");
        forms.values().forEach(form -> survey.add(form.build()));
        return survey.build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
