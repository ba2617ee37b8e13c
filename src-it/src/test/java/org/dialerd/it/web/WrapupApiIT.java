package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.Test;

/**
 * After-call work over the web API: an agent in wrap-up shows it in {@code GET /api/v1/agents/{agent}},
 * {@code POST /api/v1/agents/{agent}/wrapup/end} ends it (ECCP's endwrapup: wrapupend says
 * {@code endwrapup}), and a second one is refused with endwrapup's 417
 * (HTTP 422, the ECCP code in the body).
 */
class WrapupApiIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");

    @Test
    void anAgentEndsItsWrapUpOverHttpAndASecondEndIsRefused() {
        // wrapup-long.sql: 3 s of after-call work after calls from queue 8001, on dialerd's clock
        // (the PBX's), which the test does not move: the wrap-up lasts until the POST ends it.
        try (PbxHarness pbx = PbxHarness.startMonitored("sql/demo-data.sql", "sql/wrapup-long.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
            ApiClient api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");

            pbx.simulator().inboundCall("5558001", "8001", Duration.ofSeconds(10));
            pbx.simulator().advance(Duration.ofSeconds(3));
            EventWaits.await(events, "agentlinked", WAIT);
            pbx.simulator().advance(Duration.ofSeconds(10));
            EventWaits.await(events, "agentunlinked", WAIT);
            assertEquals("3", EventWaits.await(events, "wrapupstart", WAIT).childText("wrapup_seconds").orElseThrow());

            ApiClient.Answer status = api.get("/api/v1/agents/SIP-1001");
            assertEquals(200, status.status(), status.raw().body());
            assertEquals("paused", status.body().path("status").asText());
            assertTrue(status.body().path("wrapup").has("secondsleft"), status.raw().body());
            assertFalse(status.body().has("pauseinfo"), "a wrap-up is no break: " + status.raw().body());

            ApiClient.Answer ended = api.agent("/api/v1/agents/SIP-1001/wrapup/end", "{}", "demo");
            assertEquals(200, ended.status(), ended.raw().body());
            assertTrue(ended.body().path("success").asBoolean(), ended.raw().body());
            assertEquals("endwrapup", EventWaits.await(events, "wrapupend", WAIT).childText("ended_by").orElseThrow());
            assertFalse(api.get("/api/v1/agents/SIP-1001").body().has("wrapup"));

            ApiClient.Answer again = api.agent("/api/v1/agents/SIP-1001/wrapup/end", "{}", "demo");
            // ECCP's 417 is HTTP 422 (docs/web-api.md: HTTP 417 concerns the Expect header); the body keeps 417.
            assertEquals(422, again.status(), again.raw().body());
            assertEquals(417, again.body().path("error").path("code").asInt(), again.raw().body());
            assertEquals("Agent is not in wrap-up", again.message());
            eccp.logoutAgent(SIP_1001);
        }
    }
}
