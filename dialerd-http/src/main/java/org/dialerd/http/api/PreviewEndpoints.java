package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/**
 * The agent's answer to a preview call (acceptpreview, rejectpreview). What is offered shows in
 * the agent's status ({@code GET /api/v1/agents/{agent}}, element {@code preview}) and in the
 * {@code previewcall} event.
 */
final class PreviewEndpoints {
    private PreviewEndpoints() {
    }

    static List<ApiRoute> routes() {
        ApiRoute.Access agent = ApiRoute.Access.AGENT;
        return List.of(
                ApiRoute.post(AgentEndpoints.AGENT + "/preview/accept", "Take the preview call offered to the agent: "
                        + "the customer is dialled and connected to the agent (acceptpreview)", agent,
                        List.of(400, 404, 409, 410, 417, 500, 503), "{\"call_id\": 42}",
                        call -> answer(call, "acceptpreview")),
                ApiRoute.post(AgentEndpoints.AGENT + "/preview/reject", "Skip the preview call offered to the agent: "
                        + "it goes back to the campaign's pool (rejectpreview)", agent,
                        List.of(400, 404, 409, 410, 417), "{\"call_id\": 42}",
                        call -> answer(call, "rejectpreview")));
    }

    private static Response answer(ApiCall call, String request) throws ApiFailure {
        JsonNode callId = call.body().path("call_id");
        if (!callId.isNumber() && !callId.isTextual()) {
            throw new ApiFailure(400, "call_id missing");
        }
        return call.answer(call.agentRequest(request, call.agent(),
                List.of(XmlElement.text("call_id", callId.asText()))));
    }
}
