package org.dialerd.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialerd.http.Json;
import org.dialerd.http.Response;

/** The API's answers: JSON bodies, and the one error shape with the ECCP code and message. */
public final class ApiResponses {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiResponses() {
    }

    /** A new empty JSON object. */
    public static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static Response json(int status, JsonNode body) {
        try {
            return Response.json(status, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of our own nodes always writes
        }
    }

    /** {@code {"error":{"code":417,"message":"…"}}} with the HTTP status {@link #status(int)}. */
    public static Response failure(int code, String message) {
        return Response.json(status(code), Json.error(code, message));
    }

    /** The HTTP status for an ECCP failure code: the code itself, 417 → 422, outside 400–599 → 500. */
    static int status(int code) {
        if (code == 417) {
            return 422; // HTTP 417 concerns the Expect header; clients handle it specially
        }
        return code >= 400 && code <= 599 ? code : 500;
    }

    /** The request body as a JSON object ({@code {}} when empty); a body that is not one is a 400. */
    static JsonNode body(org.dialerd.http.Request request) throws ApiFailure {
        if (request.body().length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw new ApiFailure(400, "Invalid JSON: the body must be an object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ApiFailure(400, "Invalid JSON");
        }
    }
}
