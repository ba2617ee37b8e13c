package org.dialerd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final HttpHandler health = request -> Response.json(200, "{}");
    private final HttpHandler metrics = request -> Response.text(200, "text/plain", "");
    private final HttpHandler agent = request -> Response.json(200, "{}");
    private final HttpHandler me = request -> Response.json(200, "{}");
    private final HttpHandler login = request -> Response.json(200, "{}");

    private final Router router = Router.builder()
            .get("/health", health)
            .get("/metrics", metrics)
            .get("/api/v1/agents/{agent}", agent)
            .get("/api/v1/agents/me", me)
            .post("/api/v1/agents/{agent}/login", login)
            .build();

    private Router.Match.Found found(String method, String path) {
        return assertInstanceOf(Router.Match.Found.class, router.match(method, path));
    }

    @Test
    void sendsEachPathToItsHandler() {
        assertSame(health, found("GET", "/health").handler());
        assertSame(metrics, found("GET", "/metrics").handler());
        assertEquals(Map.of(), found("GET", "/health").pathParams());
    }

    @Test
    void fillsPlaceholdersWithTheDecodedSegment() {
        Router.Match.Found match = found("GET", "/api/v1/agents/SIP%2F1001");
        assertSame(agent, match.handler());
        assertEquals(Map.of("agent", "SIP/1001"), match.pathParams());
        assertEquals(Map.of("agent", "a+b"), found("GET", "/api/v1/agents/a+b").pathParams());
        assertEquals(Map.of("agent", "Agent/9000"), found("POST", "/api/v1/agents/Agent%2F9000/login").pathParams());
    }

    @Test
    void aLiteralSegmentWinsOverAPlaceholder() {
        assertSame(me, found("GET", "/api/v1/agents/me").handler());
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertInstanceOf(Router.Match.NotFound.class, router.match("GET", "/nope"));
        assertInstanceOf(Router.Match.NotFound.class, router.match("GET", "/health/"));
        assertInstanceOf(Router.Match.NotFound.class, router.match("GET", "/"));
        assertInstanceOf(Router.Match.NotFound.class, router.match("GET", "/api/v1/agents"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowedAndSaysWhichAre() {
        Router.Match match = router.match("POST", "/health");
        assertEquals(new Router.Match.MethodNotAllowed(Set.of("GET")), match);
        assertEquals(new Router.Match.MethodNotAllowed(Set.of("POST")),
                router.match("GET", "/api/v1/agents/SIP%2F1001/login"));
    }

    @Test
    void refusesARouteRegisteredTwiceOrARelativePattern() {
        Router.Builder builder = Router.builder().get("/health", health);
        assertEquals("route GET /health registered twice",
                assertThrows(IllegalArgumentException.class, () -> builder.get("/health", metrics)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Router.builder().get("health", health));
        assertThrows(IllegalArgumentException.class, () -> Router.builder().get("/a?b=c", health));
    }

    @Test
    void listsItsPatternsInRegistrationOrder() {
        assertEquals(java.util.List.of("/health", "/metrics", "/api/v1/agents/{agent}", "/api/v1/agents/me",
                "/api/v1/agents/{agent}/login"), router.patterns());
    }
}
