package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.dialerd.http.SocketEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The ECCP allowlist ({@code eccp.allowed_clients}) holds for the web API too: an address not on
 * it gets ECCP's 401 {@code Connection refused} as JSON on every route (token, description,
 * resources) and on the event socket, before any token is looked at; an address on it goes on.
 */
class AllowlistTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final WebApi api = new WebApi(new EccpBridge(null), new Tokens(Duration.ofHours(1), clock),
            Set.of("10.1.2.3"), List::of, List.of());
    private final Router router = api.register(Router.builder(), List.of()).build();

    private Response call(String method, String path, String from) throws Exception {
        Router.Match.Found found = assertInstanceOf(Router.Match.Found.class, router.match(method, path));
        return found.handler().handle(new Request(method, path, found.pathParams(), Map.of(), Map.of(),
                from + ":5000", from, new byte[0]));
    }

    @Test
    void anAddressOffTheListIsRefusedOnEveryRouteWithEccpsCodeAndMessage() throws Exception {
        for (String[] route : List.of(new String[] {"POST", "/api/v1/token"},
                new String[] {"GET", "/api/v1/openapi.json"}, new String[] {"GET", "/api/v1/agents"},
                new String[] {"POST", "/api/v1/calls"})) {
            Response answer = call(route[0], route[1], "127.0.0.1");
            assertEquals(401, answer.status(), route[1]);
            JsonNode body = ApiResponses.MAPPER.readTree(answer.body());
            assertEquals("Connection refused", body.path("error").path("message").asText(body.toString()),
                    body.toString());
        }
    }

    @Test
    void anAddressOnTheListGetsTheRouteItself() throws Exception {
        assertEquals(200, call("GET", "/api/v1/openapi.json", "10.1.2.3").status());
        Response noToken = call("GET", "/api/v1/agents", "10.1.2.3");
        assertEquals(401, noToken.status());
        assertNotEquals("Connection refused", ApiResponses.MAPPER.readTree(noToken.body()).path("error")
                .path("message").asText(), "refused for want of a token, not by the allowlist");
    }

    @Test
    void theEventSocketRefusesAnAddressOffTheListBeforeLookingAtItsToken() throws Exception {
        EventSocket socket = new EventSocket(api, new SessionRegistry(1 << 20), List::of, Runnable::run, clock);
        SocketEndpoint.Admission admission = socket.admit(new Request("GET", EventSocket.PATH, Map.of(),
                Map.of("token", List.of("whatever")), Map.of(), "127.0.0.1:5000", "127.0.0.1", new byte[0]));
        Response refused = assertInstanceOf(SocketEndpoint.Admission.Refuse.class, admission).response();
        assertEquals(401, refused.status());
        assertEquals("Connection refused", ApiResponses.MAPPER.readTree(refused.body()).path("error")
                .path("message").asText());
    }
}
