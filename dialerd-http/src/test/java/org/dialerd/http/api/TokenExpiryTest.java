package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 1, "tokens expire", on the routes themselves: a token past its time to live gets
 * 401 {@code Token expired} on every route that needs one (resources, agent actions, the generic
 * ECCP endpoint, click-to-call, revoking), each time it is used, a revoked one 401
 * {@code Unauthorized}; neither
 * reaches ECCP (the bridge here has no dispatcher: a request that got through would fail).
 */
class TokenExpiryTest {
    private static final List<String[]> ROUTES = List.of(new String[] {"GET", "/api/v1/agents"},
            new String[] {"GET", "/api/v1/agents/SIP-1001/call"}, new String[] {"POST", "/api/v1/agents/SIP-1001/pause"},
            new String[] {"POST", "/api/v1/eccp/getpauses"}, new String[] {"POST", "/api/v1/calls"},
            new String[] {"GET", "/api/v1/campaigns/outgoing/1/status"}, new String[] {"DELETE", "/api/v1/token"});

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final Tokens tokens = new Tokens(Duration.ofHours(1), clock);
    private final WebApi api = new WebApi(new EccpBridge(null), tokens, Set.of(), List::of, List.of());
    private final Router router = api.register(Router.builder(), List.of()).build();

    private Response call(String method, String path, String token) throws Exception {
        Router.Match.Found found = assertInstanceOf(Router.Match.Found.class, router.match(method, path));
        return found.handler().handle(new Request(method, path, found.pathParams(), Map.of(),
                Map.of("authorization", "Bearer " + token), "127.0.0.1:5000", "127.0.0.1", new byte[0]));
    }

    @Test
    void aTokenPastItsTimeToLiveIsRefusedOnEveryRouteAsExpired() throws Exception {
        EccpSession session = new EccpSession("127.0.0.1:5000 (HTTP)", "127.0.0.1");
        session.loggedIn("agentconsole", "cookie");
        String token = tokens.issue(session).value();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(Tokens.Lookup.Valid.class, tokens.find(token).getClass(), "valid one second before");

        clock.advance(Duration.ofSeconds(1));
        for (String[] route : ROUTES) {
            Response refused = call(route[0], route[1], token);
            assertEquals(401, refused.status(), route[1]);
            assertEquals("{\"error\":{\"code\":401,\"message\":\"Token expired\"}}",
                    new String(refused.body(), StandardCharsets.UTF_8), route[1]);
        }
    }

    @Test
    void aRevokedTokenIsRefusedAsUnauthorized() throws Exception {
        EccpSession session = new EccpSession("127.0.0.1:5000 (HTTP)", "127.0.0.1");
        session.loggedIn("agentconsole", "cookie");
        String token = tokens.issue(session).value();
        assertEquals(204, call("DELETE", "/api/v1/token", token).status());
        for (String[] route : ROUTES) {
            Response refused = call(route[0], route[1], token);
            assertEquals(401, refused.status(), route[1]);
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("\"message\":\"Unauthorized\""),
                    route[1]);
        }
    }
}
