package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/**
 * {@code POST /api/v1/calls}: click-to-call, the ECCP extension {@code dialnumber} (one
 * implementation: the same handler answers ECCP sessions). The agent's line rings first; once
 * the agent answers, the number is dialled. The answer names the new call; its progress comes as
 * events (agentlinked, agentunlinked, callprogress).
 */
final class ClickToCallEndpoint {
    static final String PATH = WebApi.PREFIX + "/calls";

    private ClickToCallEndpoint() {
    }

    static ApiRoute route() {
        return ApiRoute.post(PATH, "Click-to-call: ring the agent's line, then dial the number (dialnumber)",
                ApiRoute.Access.AGENT, List.of(400, 404, 417, 500),
                "{\"agent\": \"SIP/1003\", \"phone\": \"5551234\", \"campaign\": 1}", ClickToCallEndpoint::call);
    }

    private static Response call(ApiCall call) throws ApiFailure {
        JsonNode body = call.body();
        String agent = text(body, "agent").orElseThrow(() -> new ApiFailure(400, "agent missing"));
        String phone = text(body, "phone").orElseThrow(() -> new ApiFailure(400, "phone missing"));
        List<XmlElement> more = new ArrayList<>();
        more.add(XmlElement.text("phone", phone));
        text(body, "campaign").ifPresent(campaign -> more.add(XmlElement.text("campaign_id", campaign)));
        return call.answer(call.agentRequest("dialnumber", ApiCall.agentNumber(agent), more));
    }

    private static java.util.Optional<String> text(JsonNode body, String name) {
        JsonNode value = body.path(name);
        return value.isTextual() || value.isNumber() ? java.util.Optional.of(value.asText().trim())
                .filter(s -> !s.isEmpty()) : java.util.Optional.empty();
    }
}
