package org.dialerd.eccp.handler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CallStore.CallType;
import org.dialerd.core.store.CallStore.FieldValue;
import org.dialerd.eccp.handler.call.CallInfoXml;
import org.dialerd.eccp.handler.call.FormSubmission;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Requests about one campaign call as stored in the database: getcallinfo, and what an agent
 * records about a call it answered (setcontact, saveformdata). Ids are read with PHP's
 * {@code (int)} cast, as the reference does. Missing or malformed arguments are top-level
 * 400s, checked after the agent hash for the agent requests.
 */
final class CallHandlers {
    private CallHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.GETCALLINFO, CallHandlers::getCallInfo,
                RequestName.SETCONTACT, CallHandlers::setContact,
                RequestName.SAVEFORMDATA, CallHandlers::saveFormData);
    }

    /** Outgoing calls need their campaign; incoming ones are found by id alone. */
    static XmlElement getCallInfo(RequestContext context, XmlElement request) {
        CallType type = callType(request);
        Optional<String> campaignId = Args.optional(request, "campaign_id");
        if (type == CallType.OUTGOING && campaignId.isEmpty()) {
            throw EccpFailure.badRequest();
        }
        long callId = Args.phpInt(Args.required(request, "call_id"));
        CallStore calls = context.services().stores().calls();
        XmlElement.Builder response = XmlElement.builder(RequestName.GETCALLINFO.responseName());
        if (type == CallType.OUTGOING) {
            CallInfoXml.addOutgoing(response, calls.findOutgoing(Args.phpInt(campaignId.get()), callId)
                    .orElseThrow(CallHandlers::callNotFound));
        } else {
            CallInfoXml.addIncoming(response, calls.findIncoming(callId).orElseThrow(CallHandlers::callNotFound));
        }
        return response.build();
    }

    /** Checks in the reference's order: the incoming call exists, the agent took it, the contact exists. */
    static XmlElement setContact(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        long callId = Args.phpInt(Args.required(request, "call_id"));
        long contactId = Args.phpInt(Args.required(request, "contact_id"));
        CallStore calls = context.services().stores().calls();
        CallStore.CallAgent call = calls.findCallAgent(CallType.INCOMING, callId)
                .orElseThrow(() -> EccpFailure.wrapped(404, "Call ID not found"));
        if (!call.answeredBy(agent.id())) {
            throw unauthorizedAgent();
        }
        if (!calls.contactExists(contactId)) {
            throw EccpFailure.wrapped(404, "Contact ID not found");
        }
        calls.assignContact(callId, contactId);
        return Replies.success(RequestName.SETCONTACT);
    }

    /**
     * An unknown call is answered like a call of another agent (401). Every value is checked
     * before anything is written, and then all are written in one transaction.
     */
    static XmlElement saveFormData(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        CallType type = callType(request);
        long callId = Args.phpInt(Args.required(request, "call_id"));
        FormSubmission submission = FormSubmission.parse(request.child("forms").orElseThrow(EccpFailure::badRequest));
        CallStore calls = context.services().stores().calls();
        boolean answered = calls.findCallAgent(type, callId).map(call -> call.answeredBy(agent.id())).orElse(false);
        if (!answered) {
            throw unauthorizedAgent();
        }
        List<FieldValue> values = submission.validate(calls.findFormFields(submission.formIds()));
        calls.saveFormValues(type, callId, values);
        return Replies.success(RequestName.SAVEFORMDATA);
    }

    /** {@code campaign_type}: absent means outgoing; anything but the two exact names is a 400. */
    private static CallType callType(XmlElement request) {
        return Args.optional(request, "campaign_type")
                .map(name -> CallType.fromWireName(name).orElseThrow(EccpFailure::badRequest))
                .orElse(CallType.OUTGOING);
    }

    private static EccpFailure callNotFound() {
        return EccpFailure.wrapped(404, "Call not found");
    }

    private static EccpFailure unauthorizedAgent() {
        return EccpFailure.wrapped(401, "Unauthorized agent");
    }
}
