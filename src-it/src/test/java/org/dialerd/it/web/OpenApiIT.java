package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialerd.it.DemoDialerd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every operation of {@code /api/v1/openapi.json} against a running dialerd: without a
 * token, with one and input that cannot succeed (unknown agent, campaign, queue; empty body;
 * a wrong agent password), and with good input where it is harmless. Every status an operation
 * answers must be one its entry lists, with the one error shape.
 */
class OpenApiIT {
    @RegisterExtension
    static final DemoDialerd dialerd = DemoDialerd.monitored();

    /** Placeholders filled with values that exist ({@code good}) or do not ({@code bad}). */
    private static String fill(String path, boolean good) {
        return path.replace("{agent}", good ? "SIP-1004" : "SIP-77777")
                .replace("{type}", good ? "outgoing" : "sideways")
                .replace("{id}", good ? "1" : "99999")
                .replace("{queue}", good ? "8001" : "9999")
                .replace("{request}", good ? "getpauses" : "getagentstatus")
                .replace("{file}", good ? "console.js" : "nothing.js")
                .replaceAll("\\{\\w+}", "x");
    }

    @Test
    void everyOperationAnswersOnlyStatusesItsEntryLists() throws Exception {
        ApiClient anonymous = new ApiClient(dialerd.pbx().httpPort());
        JsonNode document = anonymous.get("/api/v1/openapi.json").body();
        List<String> undocumented = new ArrayList<>();
        int walked = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (method.equals("DELETE")) {
                    continue; // revoking: checked last, on a token of its own
                }
                JsonNode responses = operation.getValue().get("responses");
                String body = method.equals("GET") ? null : "{}";
                ApiClient api = new ApiClient(dialerd.pbx().httpPort()).login("agentconsole", "agentconsole");
                for (ApiClient client : List.of(anonymous, api)) {
                    for (boolean good : new boolean[] {true, false}) {
                        ApiClient.Answer answer = client.request(method, fill(path.getKey(), good), body,
                                Map.of("X-Agent-Password", "wrong"));
                        walked++;
                        String status = String.valueOf(answer.status());
                        if (!responses.has(status)) {
                            undocumented.add(method + " " + path.getKey() + " answered " + status + " "
                                    + answer.raw().body());
                        }
                        if (answer.status() >= 400 && answer.raw().headers().firstValue("Content-Type")
                                .orElse("").startsWith("application/json")) {
                            assertTrue(answer.body().path("error").has("code"), method + " " + path.getKey()
                                    + ": " + answer.raw().body());
                        }
                    }
                }
            }
        }
        assertTrue(walked > 100, "walked " + walked);
        assertEquals(List.of(), undocumented);

        ApiClient revoking = new ApiClient(dialerd.pbx().httpPort()).login("agentconsole", "agentconsole");
        JsonNode delete = document.get("paths").get("/api/v1/token").get("delete").get("responses");
        assertTrue(delete.has(String.valueOf(revoking.request("DELETE", "/api/v1/token", null, Map.of()).status())));
        assertTrue(delete.has(String.valueOf(revoking.request("DELETE", "/api/v1/token", null, Map.of()).status())),
                "the revoked token's refusal is listed too");
    }
}
