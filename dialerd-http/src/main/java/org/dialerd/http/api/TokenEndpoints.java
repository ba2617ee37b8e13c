package org.dialerd.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/**
 * {@code POST /api/v1/token}: an ECCP client account gives a bearer token. The account is checked
 * by ECCP's own login handler (behind the same per-address throttle), on a session that the
 * token then stands for. {@code DELETE} revokes the token it carries.
 */
final class TokenEndpoints {
    private TokenEndpoints() {
    }

    static List<ApiRoute> routes(Tokens tokens) {
        return List.of(
                ApiRoute.post(WebApi.PREFIX + "/token", "Create a bearer token from an ECCP client account "
                        + "(ECCP login)", ApiRoute.Access.OPEN, List.of(400, 401, 429),
                        "{\"username\": \"agentconsole\", \"password\": \"agentconsole\"}",
                        call -> create(tokens, call)),
                new ApiRoute("DELETE", WebApi.PREFIX + "/token", "Revoke the token this request carries",
                        ApiRoute.Access.CLIENT, List.of(), "", call -> revoke(tokens, call)));
    }

    private static Response create(Tokens tokens, ApiCall call) throws ApiFailure {
        EccpSession session = call.session();
        XmlElement login = XmlElement.builder("login").addAll(ApiCall.parameters("login", call.body())).build();
        call.eccp(login);
        Tokens.Token token = tokens.issue(session);
        ObjectNode body = ApiResponses.MAPPER.createObjectNode()
                .put("token", token.value())
                .put("token_type", "Bearer")
                .put("expires_at", token.expiresAt().toString())
                .put("expires_in", tokens.ttl().toSeconds())
                .put("app_cookie", session.appCookie().orElse(""));
        return ApiResponses.json(201, body);
    }

    private static Response revoke(Tokens tokens, ApiCall call) {
        WebApi.bearer(call.request()).ifPresent(tokens::revoke);
        return new Response(204, "application/json", new byte[0], java.util.Map.of());
    }
}
