package org.dialerd.http.api;

import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/**
 * A supervisor's listen, whisper and barge on an agent's call (ECCP extensions spyagent and
 * spystop; a second POST with another mode switches the live session). The token's client
 * account must be a supervisor: ECCP's handler decides (403).
 */
final class SupervisorEndpoints {
    private static final String SPY = AgentEndpoints.AGENT + "/spy";

    private SupervisorEndpoints() {
    }

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post(SPY, "Listen to, whisper to or barge into the agent's call from an extension; "
                        + "again from the same extension, switch the mode inside the call (spyagent; supervisor "
                        + "clients only)", ApiRoute.Access.CLIENT,
                        List.of(400, 403, 404, 409, 417, 500), "{\"extension\": \"1010\", \"mode\": \"listen\"}",
                        SupervisorEndpoints::start),
                new ApiRoute("DELETE", SPY, "Hang up this client's spy call on the agent (spystop)",
                        ApiRoute.Access.CLIENT, List.of(403, 404, 417, 500), "", SupervisorEndpoints::stop));
    }

    /** {@code {"spy_id": "dialerd-…-s1"}}; spystart, spymode and spyend follow on the event WebSocket. */
    private static Response start(ApiCall call) throws ApiFailure {
        List<XmlElement> parameters = ApiCall.parameters("spyagent", call.body()).stream()
                .filter(p -> !p.name().equals("agent_number")).toList();
        return call.answer(XmlElement.builder("spyagent").add("agent_number", call.agent()).addAll(parameters)
                .build());
    }

    private static Response stop(ApiCall call) throws ApiFailure {
        call.eccp(XmlElement.builder("spystop").add("agent_number", call.agent()).build());
        return new Response(204, "application/json", new byte[0], java.util.Map.of());
    }
}
