package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.Test;

/**
 * The preview endpoints of the JSON API answer as acceptpreview and rejectpreview do: the
 * offer shows in the agent's status, a reject returns the call and the next one is offered, a
 * refused accept carries the ECCP code in the one error object.
 */
class PreviewApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void agentSeesTheOfferInItsStatusRejectsItAndARefusedAcceptKeepsTheErrorShape() throws Exception {
        try (PbxHarness pbx = PbxHarness.startMonitoredWithDialer("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            Sql.update(pbx.dataSource(), "INSERT INTO dialerd_campaign_options (id_campaign, dial_mode) "
                    + "VALUES (1, 'preview')");
            eccp.login("agentconsole", "agentconsole");
            List<XmlElement> events = new CopyOnWriteArrayList<>();
            eccp.onEvent(events::add);
            ApiClient api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
            assertEquals("logged-in", eccp.loginAgent(new AgentCredentials("SIP/1002", "demo"), "1002")
                    .text("status").orElseThrow());

            String first = EventWaits.await(events, "previewcall", WAIT).childText("call_id").orElseThrow();
            ApiClient.Answer status = api.get("/api/v1/agents/SIP%2F1002");
            assertEquals(first, status.body().path("preview").path("call_id").asText(), status.body().toString());

            ApiClient.Answer reject = api.agent("/api/v1/agents/SIP-1002/preview/reject",
                    "{\"call_id\": " + first + "}", "demo");
            assertEquals(200, reject.status(), reject.body().toString());
            assertTrue(reject.body().get("success").asBoolean());
            assertEquals("rejected", EventWaits.await(events, "previewcancelled", WAIT).childText("reason")
                    .orElseThrow());

            ApiClient.Answer late = api.agent("/api/v1/agents/SIP-1002/preview/accept",
                    "{\"call_id\": " + first + "}", "demo");
            assertEquals(404, late.status(), late.body().toString());
            assertEquals(404, late.body().path("error").path("code").asInt());
            assertTrue(late.message().contains("offered to this agent"), late.message());
            ApiClient.Answer missing = api.agent("/api/v1/agents/SIP-1002/preview/accept", "{}", "demo");
            assertEquals(400, missing.status());

            String second = EventWaits.await(events, "previewcall", WAIT).childText("call_id").orElseThrow();
            assertNotEquals(first, second);
            Awaits.until("the rejected call is free again", WAIT, () -> !Sql.rows(pbx.dataSource(),
                    "SELECT id_call FROM dialerd_preview_offer").contains(first));
            assertEquals(null, Sql.value(pbx.dataSource(), "SELECT status FROM calls WHERE id = ?", first));
        }
    }
}
