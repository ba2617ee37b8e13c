package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.0 document of the listener, written from the same {@link ApiRoute}s the router
 * serves (and the few routes outside the API), so it lists exactly what answers.
 */
public final class OpenApi {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad request"),
            Map.entry(401, "Unauthorized (token, agent password, allowlist)"), Map.entry(404, "Not found"),
            Map.entry(413, "Too large"), Map.entry(417, "Not possible now (HTTP 422)"),
            Map.entry(422, "Not possible now (ECCP code 417)"), Map.entry(429, "Too many failed logins"),
            Map.entry(500, "No AMI connection or internal error"), Map.entry(501, "Not implemented"),
            Map.entry(503, "Database unavailable or server busy"));

    /** A route outside the API (health, metrics, events) as the document shows it. */
    public record Operation(String method, String path, String summary, List<Integer> errors) {}

    private OpenApi() {
    }

    static String document(List<ApiRoute> routes, List<Operation> others) {
        List<Operation> all = new ArrayList<>();
        for (ApiRoute route : routes) {
            List<Integer> errors = new ArrayList<>(route.errors());
            if (route.access() != ApiRoute.Access.OPEN) {
                errors.add(401);
            }
            all.add(new Operation(route.method(), route.path(), route.summary(), errors));
        }
        all.add(new Operation("GET", WebApi.PREFIX + "/openapi.json", "This document", List.of()));
        all.addAll(others);
        ObjectNode doc = ApiResponses.MAPPER.createObjectNode().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "dialerd HTTP API").put("version", "1")
                .put("description", "ECCP over JSON, events over WebSocket; see docs/web-api.md");
        ObjectNode paths = doc.putObject("paths");
        for (Operation operation : all) {
            ObjectNode path = paths.has(operation.path()) ? (ObjectNode) paths.get(operation.path())
                    : paths.putObject(operation.path());
            path.set(operation.method().toLowerCase(Locale.ROOT), operation(operation, routes));
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode error = components.putObject("schemas").putObject("Error").put("type", "object");
        ObjectNode inner = error.putObject("properties").putObject("error").put("type", "object");
        inner.putObject("properties").set("code", ApiResponses.MAPPER.createObjectNode().put("type", "integer"));
        ((ObjectNode) inner.get("properties")).set("message",
                ApiResponses.MAPPER.createObjectNode().put("type", "string"));
        return doc.toString();
    }

    private static JsonNode operation(Operation operation, List<ApiRoute> routes) {
        ObjectNode node = ApiResponses.MAPPER.createObjectNode().put("summary", operation.summary());
        ArrayNode parameters = node.putArray("parameters");
        Matcher placeholders = PLACEHOLDER.matcher(operation.path());
        while (placeholders.find()) {
            parameters.addObject().put("name", placeholders.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        routes.stream().filter(r -> r.method().equals(operation.method()) && r.path().equals(operation.path()))
                .findFirst().ifPresent(route -> {
                    if (route.access() == ApiRoute.Access.AGENT) {
                        parameters.addObject().put("name", ApiCall.AGENT_PASSWORD).put("in", "header")
                                .put("required", false).putObject("schema").put("type", "string");
                    }
                    if (route.access() != ApiRoute.Access.OPEN) {
                        node.putArray("security").addObject().putArray("bearer");
                    }
                    if (!route.example().isEmpty()) {
                        ObjectNode media = node.putObject("requestBody").putObject("content")
                                .putObject("application/json");
                        media.putObject("schema").put("type", "object");
                        media.put("example", route.example());
                    }
                });
        ObjectNode responses = node.putObject("responses");
        responses.putObject(operation.method().equals("DELETE") ? "204" : "200").put("description", "Success");
        for (int code : new TreeSet<>(operation.errors())) {
            if (code >= 300 && code < 400) {
                responses.putObject(String.valueOf(code)).put("description", "Moved (see the Location header)");
                continue;
            }
            int status = ApiResponses.status(code);
            responses.putObject(String.valueOf(status)).put("description", REASONS.getOrDefault(code, "Error"))
                    .putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
        return node;
    }
}
