package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dialerd.eccp.testing.ManualClock;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    private final WebApi api = new WebApi(new EccpBridge(null), new Tokens(Duration.ofHours(1),
            new ManualClock(Instant.EPOCH)), Set.of(), List::of, List.of());
    private final List<OpenApi.Operation> others = List.of(new OpenApi.Operation("GET", "/health", "health",
            List.of(503)));

    private Router router() {
        return api.register(Router.builder().get("/health", request -> Response.text(200, "text/plain", "ok")),
                others).build();
    }

    @Test
    void theDocumentListsEveryRegisteredRouteAndNothingElse() throws Exception {
        Router router = router();
        Response served = ((Router.Match.Found) router.match("GET", "/api/v1/openapi.json")).handler()
                .handle(new Request("GET", "/api/v1/openapi.json", java.util.Map.of(), java.util.Map.of(),
                        java.util.Map.of(), "/127.0.0.1:1"));
        JsonNode document = ApiResponses.MAPPER.readTree(served.body());
        assertEquals("3.0.3", document.get("openapi").asText());
        Set<String> described = new TreeSet<>();
        Iterator<String> paths = document.get("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            document.get("paths").get(path).fieldNames().forEachRemaining(method ->
                    described.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        assertEquals(new TreeSet<>(router.routes()), described);
        api.checkDescribed(router);
    }

    @Test
    void everyEndpointListsItsErrorsWithTheErrorShape() throws Exception {
        JsonNode document = ApiResponses.MAPPER.readTree(OpenApi.document(api.routes(), others));
        JsonNode pause = document.get("paths").get("/api/v1/agents/{agent}/pause").get("post");
        assertTrue(pause.get("responses").has("401"), pause.toString());
        assertTrue(pause.get("responses").has("422"), "ECCP 417 is answered as 422: " + pause);
        assertEquals("#/components/schemas/Error", pause.get("responses").get("404").get("content")
                .get("application/json").get("schema").get("$ref").asText());
        assertEquals("X-Agent-Password", pause.get("parameters").get(1).get("name").asText());
    }

    @Test
    void aRouteWithoutADescriptionStopsTheStart() {
        Router router = api.register(Router.builder().get("/health", request -> Response.text(200, "text/plain", ""))
                .get("/undocumented", request -> Response.text(200, "text/plain", "")), others).build();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> api.checkDescribed(router));
        assertTrue(failure.getMessage().contains("GET /undocumented"), failure.getMessage());
    }
}
