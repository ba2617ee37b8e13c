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
import org.dialerd.core.testing.ManualClock;
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
    void clickToCallIsDescribedAsAnAgentActionWithItsRefusals() throws Exception {
        JsonNode document = ApiResponses.MAPPER.readTree(OpenApi.document(api.routes(), others));
        JsonNode calls = document.get("paths").get("/api/v1/calls").get("post");
        for (String status : List.of("200", "400", "401", "404", "422", "500")) {
            assertTrue(calls.get("responses").has(status), status + " in " + calls);
        }
        assertEquals("X-Agent-Password", calls.get("parameters").get(0).get("name").asText());
        assertTrue(calls.get("requestBody").toString().contains("phone"), calls.toString());
    }

    @Test
    void aRedirectIsListedWithoutTheErrorShape() throws Exception {
        JsonNode document = ApiResponses.MAPPER.readTree(OpenApi.document(api.routes(), List.of(
                new OpenApi.Operation("GET", "/console", "pages", List.of(301, 404)))));
        JsonNode responses = document.get("paths").get("/console").get("get").get("responses");
        assertTrue(responses.get("301").get("content") == null, responses.toString());
        assertTrue(responses.get("404").has("content"), responses.toString());
    }

    @Test
    void aRouteWithoutADescriptionStopsTheStart() {
        Router router = api.register(Router.builder().get("/health", request -> Response.text(200, "text/plain", ""))
                .get("/undocumented", request -> Response.text(200, "text/plain", "")), others).build();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> api.checkDescribed(router));
        assertTrue(failure.getMessage().contains("GET /undocumented"), failure.getMessage());
    }
}
