package org.dialerd.http.api;

import java.util.List;
import java.util.Set;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/**
 * {@code POST /api/v1/eccp/{request}}: any ECCP request, its parameters the body's members, its
 * answer mapped to JSON. The dispatcher decides everything (unknown names: 501).
 */
final class EccpEndpoint {
    /** The token is the HTTP session: these would change or end it behind the token's back. */
    private static final Set<String> SESSION_REQUESTS = Set.of("login", "logout");

    private EccpEndpoint() {
    }

    static ApiRoute route() {
        return ApiRoute.post(WebApi.PREFIX + "/eccp/{request}", "Any ECCP request as JSON (docs/web-api.md "
                        + "gives the mapping); agent requests take agent_hash, or X-Agent-Password",
                ApiRoute.Access.CLIENT, List.of(400, 404, 417, 500, 501, 503),
                "{\"agent_number\": \"Agent/9000\"}", EccpEndpoint::handle);
    }

    private static Response handle(ApiCall call) throws ApiFailure {
        String name = call.request().pathParam("request").orElse("");
        if (SESSION_REQUESTS.contains(name)) {
            throw new ApiFailure(400, "Use /api/v1/token");
        }
        XmlElement request = XmlElement.builder(name).addAll(ApiCall.parameters(name, call.body())).build();
        java.util.Optional<String> password = call.request().header(ApiCall.AGENT_PASSWORD);
        java.util.Optional<String> agent = request.childText("agent_number");
        if (password.isPresent() && agent.isPresent() && request.child("agent_hash").isEmpty()) {
            request = EccpBridge.withAgentHash(call.session(), request, agent.get().trim(), password.get());
        }
        return call.answer(request);
    }
}
