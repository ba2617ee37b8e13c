package org.dialerd.it.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The web API over real HTTP (JDK client): JSON in, status and JSON out. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status and its body as JSON (null when empty). */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        int code() {
            return body.path("error").path("code").asInt(-1);
        }

        String message() {
            return body.path("error").path("message").asText("");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Creates a token and uses it from then on. */
    ApiClient login(String username, String password) {
        Answer answer = post("/api/v1/token", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (answer.status() != 201) {
            throw new AssertionError("token refused: " + answer.status() + " " + answer.body());
        }
        token = answer.body().get("token").asText();
        return this;
    }

    String token() {
        return token;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    /** A body that is not JSON (/metrics). */
    String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Answer post(String path, String json) {
        return post(path, json, Map.of());
    }

    Answer post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), Map.of());
    }

    /** Any method, with a body when {@code json} is not null. */
    Answer request(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .header("Content-Type", "application/json"), headers);
    }

    /** An agent action: the agent's ECCP password in X-Agent-Password. */
    Answer agent(String path, String json, String agentPassword) {
        return post(path, json, Map.of("X-Agent-Password", agentPassword));
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("application/json")
                    .startsWith("application/json");
            JsonNode body = response.body().isEmpty() || !json ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
