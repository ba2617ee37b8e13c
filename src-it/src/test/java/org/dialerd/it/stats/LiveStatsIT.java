package org.dialerd.it.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The wallboard's figures over HTTP (and ECCP's getlivestats) as calls happen on the simulator: waits, answers and
 * abandons counted live per queue and campaign, campaign progress from one background read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveStatsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static PbxHarness pbx;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"agentconsole\",\"password\":\"agentconsole\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        token = JSON.readTree(created.body()).get("token").asText();
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + pbx.httpPort() + path);
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri(path)).GET()
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode entry(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode queue8001() {
        return entry(get("/api/v1/wallboard").get("queues"), "queue", "8001");
    }

    @Test
    @Order(1)
    void showsTheOutgoingCampaignsProgressFromTheDatabase() {
        // Demo data: 50 numbers never dialled, 101 Success, 102 NoAnswer, 103 Failure, 104 ShortCall.
        Awaits.until("campaign 1's progress read", WAIT, () ->
                entry(get("/api/v1/wallboard").get("campaigns"), "id", "1").has("pending"));
        JsonNode campaign = entry(get("/api/v1/wallboard").get("campaigns"), "id", "1");
        assertEquals("outgoing", campaign.get("type").asText());
        assertEquals("8000", campaign.get("queue").asText());
        JsonNode progress = campaign.get("progress");
        assertEquals(50, progress.get("pending").asLong());
        assertEquals(4, progress.get("placed").asLong());
        assertEquals(2, progress.get("answered").asLong());
        assertEquals(2, progress.get("failed").asLong());
    }

    @Test
    @Order(2)
    void countsWaitsAnswersAndAbandonsOfAQueueAsTheyHappen() throws Exception {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());

            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(60));
            pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
            Awaits.until("agentlinked", WAIT, () -> events.stream()
                    .anyMatch(e -> e.children().get(0).name().equals("agentlinked")));
            Awaits.until("the answer counted", WAIT, () -> queue8001().path("answered").asLong() == 1);

            // The only agent is busy: the next caller waits, then gives up after 15 s.
            pbx.simulator().inboundCall("0987654321", "8001", Duration.ofSeconds(15));
            pbx.simulator().advance(Duration.ofSeconds(2)); // the dialplan answers and queues it
            // Times are the engine's when it handles each event: wait for it to see the caller first.
            Awaits.until("a caller waiting", WAIT, () -> queue8001().path("calls_waiting").asInt() == 1);
            pbx.simulator().advance(Duration.ofSeconds(10));
            Awaits.until("the wait growing", WAIT, () -> queue8001().path("longest_wait_seconds").asLong() >= 10);

            pbx.simulator().advance(Duration.ofSeconds(10));
            Awaits.until("the abandon counted", WAIT, () -> queue8001().path("abandoned").asLong() == 1);
            JsonNode queue = queue8001();
            assertEquals(0, queue.get("calls_waiting").asInt());
            assertEquals(2, queue.get("today").get("offered").asLong());
            assertEquals(0.5, queue.get("today").get("abandon_rate").asDouble(), 1e-9);
            assertEquals(0.5, queue.get("service_level").asDouble(), 1e-9); // answered in ~2 s, under 20 s

            pbx.simulator().advance(Duration.ofSeconds(45)); // the first caller hangs up
            Awaits.until("the handled call counted", WAIT, () -> queue8001().get("today").get("handled").asLong() == 1);
            assertTrue(queue8001().get("today").get("average_handle_time").asDouble() > 0);
            eccp.logoutAgent(agent);
        }

        JsonNode lines = get("/api/v1/stats").get("lines");
        JsonNode incoming = entry(lines, "campaign_id", "1");
        assertEquals("incoming", incoming.get("campaign_type").asText());
        assertEquals(2, incoming.get("today").get("offered").asLong());
    }

    @Test
    @Order(3)
    void eccpsGetlivestatsAnswersTheSameFiguresAsTheHttpApi() {
        JsonNode http = queue8001();
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            EccpResponse answer = eccp.request("getlivestats", "queue", "8001");
            assertTrue(answer.isSuccess(), answer.body()::toString);
            XmlElement line = answer.body().child("lines").orElseThrow().child("line").orElseThrow();
            assertEquals("8001", line.childText("queue").orElseThrow());
            assertEquals(http.get("calls_waiting").asText(), line.childText("calls_waiting").orElseThrow());
            assertEquals(http.get("service_level_seconds").asText(), line.childText("service_level_seconds")
                    .orElseThrow());
            XmlElement today = line.child("today").orElseThrow();
            for (String count : new String[] {"offered", "answered", "answered_in_time", "abandoned", "handled"}) {
                assertEquals(http.get("today").get(count).asText(), today.childText(count).orElseThrow(), count);
            }
            assertEquals("50.00", today.childText("abandon_pct").orElseThrow());
            assertEquals(http.get("today").get("average_handle_time").asDouble(),
                    Double.parseDouble(today.childText("average_handle_time").orElseThrow()), 0.01);

            // Every line: the incoming campaign of queue 8001 is one of them.
            String all = eccp.request("getlivestats").body().toString();
            assertTrue(all.contains("<kind>campaign</kind><campaign_type>incoming</campaign_type><campaign_id>1"
                    + "</campaign_id>"), all);
            EccpResponse refused = eccp.request("getlivestats", "queue", "8001", "campaign_id", 1);
            assertEquals(400, refused.failure().orElseThrow().code());
        }
    }

    @Test
    @Order(4)
    void theWallboardShowsEachActiveCampaignsAbandonedCallsByTheTwoSecondRule() {
        JsonNode abandoned = entry(get("/api/v1/wallboard").get("campaigns"), "id", "1").get("abandoned_2s");
        assertEquals(2, abandoned.get("rule_seconds").asInt());
        assertEquals(3.0, abandoned.get("target_pct").asDouble(), 1e-9);
        // Same figures as ECCP's getcampaignabandonstatus (the same counter).
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            XmlElement status = eccp.request("getcampaignabandonstatus", "campaign_id", 1).body();
            for (String window : new String[] {"today", "last_30_days"}) {
                XmlElement tally = status.child(window).orElseThrow();
                assertEquals(tally.childText("answered").orElseThrow(), abandoned.get(window).get("answered").asText());
                assertEquals(tally.childText("abandoned").orElseThrow(),
                        abandoned.get(window).get("abandoned").asText());
            }
            assertEquals(status.childText("over_target").orElseThrow().equals("yes"),
                    abandoned.get("over_target").asBoolean());
        }
    }
}
