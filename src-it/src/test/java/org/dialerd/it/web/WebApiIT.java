package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web API over real HTTP and WebSocket against dialerd on the embedded database and the
 * simulated Asterisk: tokens, failures identical to ECCP's, agent actions through REST seen as
 * events by an ECCP session and by the event socket.
 */
class WebApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
    }

    @AfterAll
    static void stopPbx() {
        pbx.close();
    }

    private ApiClient api() {
        return new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
    }

    @Test
    void aClientAccountGetsABearerTokenAndWithoutOneTheApiRefuses() {
        ApiClient anonymous = new ApiClient(pbx.httpPort());
        ApiClient.Answer refused = anonymous.get("/api/v1/agents");
        assertEquals(401, refused.status());
        assertEquals("{\"error\":{\"code\":401,\"message\":\"Unauthorized\"}}", refused.raw().body());
        assertEquals("Bearer", refused.raw().headers().firstValue("WWW-Authenticate").orElse(""));

        ApiClient.Answer token = anonymous.post("/api/v1/token",
                "{\"username\":\"agentconsole\",\"password\":\"agentconsole\"}");
        assertEquals(201, token.status(), token.body().toString());
        assertEquals(64, token.body().get("token").asText().length());
        assertEquals("Bearer", token.body().get("token_type").asText());
        assertEquals(3600, token.body().get("expires_in").asInt());

        ApiClient.Answer agents = api().get("/api/v1/agents");
        assertEquals(200, agents.status(), agents.body().toString());
        assertTrue(agents.body().get("agents").isArray());
        assertTrue(agents.body().get("agents").size() > 3, agents.body().toString());
    }

    @Test
    void aWrongPasswordGetsEccpsLoginFailure() {
        ApiClient.Answer http = new ApiClient(pbx.httpPort()).post("/api/v1/token",
                "{\"username\":\"agentconsole\",\"password\":\"wrong\"}");
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            EccpResponse.Failure viaEccp = eccp.send(XmlElement.builder("login").add("username", "agentconsole")
                    .add("password", "wrong").build()).failure().orElseThrow();
            assertEquals(viaEccp.code(), http.code());
            assertEquals(viaEccp.message(), http.message());
            assertEquals(401, http.status());
        }
    }

    @Test
    void theSameBadInputFailsWithTheSameCodeAndMessageAsOnEccp() {
        ApiClient api = api();
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            for (String bad : new String[] {"Agent9000", "Agent/77777"}) {
                EccpResponse.Failure viaEccp = eccp.send(XmlElement.builder("getagentstatus")
                        .add("agent_number", bad).build()).failure().orElseThrow();
                ApiClient.Answer generic = api.post("/api/v1/eccp/getagentstatus",
                        "{\"agent_number\":\"" + bad + "\"}");
                assertEquals(viaEccp.code(), generic.code(), generic.body().toString());
                assertEquals(viaEccp.message(), generic.message());
                ApiClient.Answer rest = api.get("/api/v1/agents/" + bad.replace("/", "%2F"));
                assertEquals(viaEccp.code(), rest.code(), rest.body().toString());
                assertEquals(viaEccp.message(), rest.message());
            }
            ApiClient.Answer unknown = api.post("/api/v1/eccp/nosuchrequest", "{}");
            assertEquals(501, unknown.status());
            assertEquals("Not Implemented", unknown.message());
        }
    }

    @Test
    void restLoginPauseAndUnpauseAreSeenOnEccpAndOnTheWebSocket() throws Exception {
        ApiClient api = api();
        LinkedBlockingQueue<XmlElement> eccpEvents = new LinkedBlockingQueue<>();
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
             EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=Agent/9001")) {
            eccp.login("agentconsole", "agentconsole");
            eccp.onEvent(eccpEvents::add);

            ApiClient.Answer wrong = api.agent("/api/v1/agents/Agent-9001/login", "{\"extension\":\"1002\"}", "bad");
            assertEquals(401, wrong.status());
            assertEquals("Unauthorized agent", wrong.message());

            ApiClient.Answer login = api.agent("/api/v1/agents/Agent-9001/login", "{\"extension\":\"1002\"}", "demo");
            assertEquals(200, login.status(), login.body().toString());
            assertEquals("logging", login.body().get("status").asText());
            pbx.simulator().advance(Duration.ofSeconds(2));
            assertEquals("Agent/9001", socket.awaitEvent("agentloggedin", WAIT).get("agent").asText());
            assertEquals("Agent/9001", awaitEccp(eccpEvents, "agentloggedin").childText("agent").orElseThrow());

            ApiClient.Answer pause = api.agent("/api/v1/agents/Agent-9001/pause", "{\"break_id\":2}", "demo");
            assertEquals(200, pause.status(), pause.body().toString());
            assertTrue(pause.body().get("success").asBoolean());
            JsonNode pauseStart = socket.awaitEvent("pausestart", WAIT);
            assertEquals("2", pauseStart.get("pause_type").asText());
            assertEquals("Lunch", pauseStart.get("pause_name").asText());
            assertEquals("Lunch", awaitEccp(eccpEvents, "pausestart").childText("pause_name").orElseThrow());
            assertEquals("paused", api.get("/api/v1/agents/Agent%2F9001").body().get("status").asText());

            assertEquals(200, api.agent("/api/v1/agents/Agent-9001/unpause", "", "demo").status());
            socket.awaitEvent("pauseend", WAIT);
            awaitEccp(eccpEvents, "pauseend");

            socket.send("{\"type\":\"snapshot\"}");
            JsonNode snapshot = socket.await("snapshot", WAIT, m -> m.path("type").asText().equals("snapshot"));
            JsonNode agent = find(snapshot.get("agents"), "Agent/9001");
            assertEquals("online", agent.get("status").asText());
            assertEquals("1002", agent.get("extension").asText());
            assertTrue(agent.get("pause").isNull());
            String since = agent.get("status_since").asText();
            assertTrue(since.compareTo(agent.get("login_start").asText()) >= 0 && since.length() == 19,
                    "online since the break ended, after the login: " + agent);

            assertEquals(200, api.agent("/api/v1/agents/Agent-9001/logout", "", "demo").status());
            socket.awaitEvent("agentloggedout", WAIT);
            awaitEccp(eccpEvents, "agentloggedout");
        }
    }

    private static JsonNode find(JsonNode agents, String number) {
        for (JsonNode agent : agents) {
            if (agent.get("agent_number").asText().equals(number)) {
                return agent;
            }
        }
        throw new AssertionError(number + " not in " + agents);
    }

    private static XmlElement awaitEccp(LinkedBlockingQueue<XmlElement> events, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            XmlElement event = events.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (event != null && event.children().get(0).name().equals(name)) {
                return event.children().get(0);
            }
        }
        throw new AssertionError("no ECCP <" + name + "> within " + WAIT);
    }
}
