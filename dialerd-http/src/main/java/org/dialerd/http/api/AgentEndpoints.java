package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/** Agents as resources: status, login, logout, pause, unpause, end of wrap-up; each one ECCP request. */
final class AgentEndpoints {
    static final String AGENT = WebApi.PREFIX + "/agents/{agent}";

    private AgentEndpoints() {
    }

    static List<ApiRoute> routes(Supplier<List<String>> agentNumbers) {
        ApiRoute.Access agent = ApiRoute.Access.AGENT;
        return List.of(
                ApiRoute.get(WebApi.PREFIX + "/agents", "Every agent dialerd tracks, with its status "
                        + "(getmultipleagentstatus)", ApiRoute.Access.CLIENT, List.of(500), call -> all(call,
                        agentNumbers)),
                ApiRoute.get(AGENT, "One agent's status (getagentstatus)", ApiRoute.Access.CLIENT,
                        List.of(404, 417, 500), call -> call.answer(XmlElement.builder("getagentstatus")
                                .add("agent_number", call.agent()).build())),
                ApiRoute.post(AGENT + "/login", "Log the agent in on an extension (loginagent)", agent,
                        List.of(400, 404, 417, 500), "{\"extension\": \"1001\"}",
                        call -> call.answer(call.agentRequestFromBody("loginagent"))),
                ApiRoute.post(AGENT + "/logout", "Log the agent out (logoutagent)", agent, List.of(404, 417, 500),
                        "", call -> call.answer(call.agentRequest("logoutagent", call.agent(), List.of()))),
                ApiRoute.post(AGENT + "/pause", "Put the agent on a break (pauseagent)", agent,
                        List.of(400, 404, 417, 500), "{\"break_id\": 2}", AgentEndpoints::pause),
                ApiRoute.post(AGENT + "/unpause", "End the agent's break (unpauseagent)", agent,
                        List.of(404, 417, 500), "",
                        call -> call.answer(call.agentRequest("unpauseagent", call.agent(), List.of()))),
                ApiRoute.post(AGENT + "/wrapup/end", "End the agent's after-call work now (endwrapup, an "
                        + "extension); the agent is unpaused in its queues", agent, List.of(404, 417, 500), "",
                        call -> call.answer(call.agentRequest("endwrapup", call.agent(), List.of()))));
    }

    private static Response all(ApiCall call, Supplier<List<String>> agentNumbers) throws ApiFailure {
        XmlElement.Builder agents = XmlElement.builder("agents");
        agentNumbers.get().stream().sorted().forEach(number -> agents.add("agent_number", number));
        return call.answer(XmlElement.of("getmultipleagentstatus", agents.build()));
    }

    private static Response pause(ApiCall call) throws ApiFailure {
        JsonNode breakId = call.body().path("break_id");
        if (!breakId.isNumber() && !breakId.isTextual()) {
            throw new ApiFailure(400, "break_id missing");
        }
        return call.answer(call.agentRequest("pauseagent", call.agent(),
                List.of(XmlElement.text("pause_type", breakId.asText()))));
    }
}
