package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/** The agent's current call: read it, and act on it (hangup, hold, transfers, schedule, form). */
final class CallEndpoints {
    private static final String CALL = AgentEndpoints.AGENT + "/call";

    private CallEndpoints() {
    }

    static List<ApiRoute> routes() {
        ApiRoute.Access agent = ApiRoute.Access.AGENT;
        List<Integer> common = List.of(401, 404, 417, 500);
        return List.of(
                ApiRoute.get(CALL, "The agent's current call (getagentstatus, then getcallinfo)",
                        ApiRoute.Access.CLIENT, List.of(404, 417, 500), CallEndpoints::current),
                ApiRoute.post(CALL + "/hangup", "Hang up the agent's call (hangup)", agent, common, "",
                        call -> call.answer(call.agentRequest("hangup", call.agent(), List.of()))),
                ApiRoute.post(CALL + "/hold", "Put the call on hold (hold)", agent, common, "",
                        call -> call.answer(call.agentRequest("hold", call.agent(), List.of()))),
                ApiRoute.post(CALL + "/unhold", "Take the held call back (unhold)", agent, common, "",
                        call -> call.answer(call.agentRequest("unhold", call.agent(), List.of()))),
                ApiRoute.post(CALL + "/transfer", "Blind transfer (transfercall)", agent, common,
                        "{\"extension\": \"1002\"}", call -> call.answer(call.agentRequestFromBody("transfercall"))),
                ApiRoute.post(CALL + "/atxfer", "Attended transfer (atxfercall)", agent, common,
                        "{\"extension\": \"1002\"}", call -> call.answer(call.agentRequestFromBody("atxfercall"))),
                ApiRoute.post(CALL + "/schedule", "Schedule a call back (schedulecall)", agent, common,
                        "{\"schedule\": {\"date_init\": \"2026-12-03\", \"date_end\": \"2026-12-03\", "
                                + "\"time_init\": \"09:00:00\", \"time_end\": \"12:00:00\"}, \"sameagent\": true}",
                        call -> call.answer(call.agentRequestFromBody("schedulecall"))),
                ApiRoute.post(CALL + "/form", "Save the call's form data (saveformdata)", agent,
                        List.of(400, 401, 404, 413, 417, 500),
                        "{\"forms\": {\"1\": {\"1\": \"text\", \"2\": \"2026-12-03\"}}}", CallEndpoints::form));
    }

    /** {@code callinfo} and {@code remote_channel} of getagentstatus, and getcallinfo's answer as {@code info}. */
    private static Response current(ApiCall call) throws ApiFailure {
        XmlElement status = call.eccp(XmlElement.builder("getagentstatus").add("agent_number", call.agent()).build())
                .body();
        XmlElement callInfo = status.child("callinfo").orElseThrow(() -> new ApiFailure(404, "Agent has no call"));
        XmlElement.Builder request = XmlElement.builder("getcallinfo")
                .add("campaign_type", callInfo.childText("calltype").orElse(""))
                .add("call_id", callInfo.childText("callid").orElse(""));
        callInfo.childText("campaign_id").filter(id -> !id.isEmpty()).ifPresent(id -> request.add("campaign_id", id));
        XmlElement info = call.eccp(request.build()).body();
        ObjectNode body = XmlJson.toJson(callInfo);
        status.childText("remote_channel").ifPresent(channel -> body.put("remote_channel", channel));
        body.set("info", XmlJson.toJson(info));
        return ApiResponses.json(200, body);
    }

    /**
     * {@code {"forms": {"1": {"2": "value"}}}} (form id → field id → value) or the generic array
     * shape; campaign_type and call_id default to the agent's current call.
     */
    private static Response form(ApiCall call) throws ApiFailure {
        JsonNode body = call.body();
        List<XmlElement> parameters = new ArrayList<>();
        String type = body.path("campaign_type").asText("");
        String callId = body.path("call_id").asText("");
        if (type.isEmpty() || callId.isEmpty()) {
            XmlElement status = call.eccp(XmlElement.builder("getagentstatus").add("agent_number", call.agent())
                    .build()).body();
            XmlElement callInfo = status.child("callinfo").orElseThrow(() -> new ApiFailure(417,
                    "Agent not in call"));
            type = type.isEmpty() ? callInfo.childText("calltype").orElse("") : type;
            callId = callId.isEmpty() ? callInfo.childText("callid").orElse("") : callId;
        }
        parameters.add(XmlElement.text("campaign_type", type));
        parameters.add(XmlElement.text("call_id", callId));
        JsonNode forms = body.path("forms");
        if (forms.isObject()) {
            parameters.add(forms(forms));
        } else if (forms.isArray()) {
            ObjectNode generic = ApiResponses.MAPPER.createObjectNode();
            generic.set("forms", forms);
            parameters.addAll(ApiCall.parameters("saveformdata", generic));
        }
        return call.answer(call.agentRequest("saveformdata", call.agent(), parameters));
    }

    private static XmlElement forms(JsonNode forms) throws ApiFailure {
        XmlElement.Builder xml = XmlElement.builder("forms");
        Iterator<Map.Entry<String, JsonNode>> byForm = forms.fields();
        while (byForm.hasNext()) {
            Map.Entry<String, JsonNode> form = byForm.next();
            if (!form.getValue().isObject()) {
                throw new ApiFailure(400, "Invalid JSON: forms." + form.getKey() + " must be an object");
            }
            XmlElement.Builder fields = XmlElement.builder("form").attribute("id", form.getKey());
            Iterator<Map.Entry<String, JsonNode>> byField = form.getValue().fields();
            while (byField.hasNext()) {
                Map.Entry<String, JsonNode> field = byField.next();
                fields.add(XmlElement.builder("field").attribute("id", field.getKey())
                        .text(field.getValue().isNull() ? "" : field.getValue().asText()).build());
            }
            xml.add(fields.build());
        }
        return xml.build();
    }
}
