package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Click-to-call end to end: {@code POST /api/v1/calls} (and ECCP's {@code dialnumber}, the same
 * handler) rings the agent's phone on the simulated Asterisk, then dials the customer
 * ({@code Local/<phone>@customers}: answers after 2 s, talks 20 s). The agent shows on the call,
 * agentlinked and agentunlinked come, and the call is a Success row of the demo campaign with its
 * progress log. Refusals dial nothing.
 */
class ClickToCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.startMonitoredWithDialer("sql/demo-data.sql", "sql/click-to-call.sql");
    }

    @AfterAll
    static void stopPbx() {
        if (pbx != null) {
            pbx.close();
        }
    }

    private static ApiClient api() {
        return new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
    }

    @Test
    void theAgentsPhoneRingsThenTheCustomerIsDialledAndTheCallIsRecordedInTheCampaign() throws Exception {
        ApiClient api = api();
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=SIP/1003")) {
            assertEquals(200, api.agent("/api/v1/agents/SIP-1003/login", "{\"extension\":\"1003\"}", "demo")
                    .status());
            Awaits.until("SIP/1003 online", WAIT, () -> status(api, "SIP-1003").equals("online"));

            ApiClient.Answer placed = api.agent("/api/v1/calls", "{\"agent\":\"SIP/1003\",\"phone\":\"5557777\"}",
                    "demo");
            assertEquals(200, placed.status(), placed.body().toString());
            assertTrue(placed.body().get("success").asBoolean());
            assertEquals("1", placed.body().get("campaign_id").asText(), "the agent's only outgoing campaign");
            String callId = placed.body().get("call_id").asText();
            assertEquals("oncall", status(api, "SIP-1003"), "reserved while its phone rings");

            pbx.simulator().advance(Duration.ofSeconds(1)); // the agent answers
            pbx.simulator().advance(Duration.ofSeconds(3)); // the customer rings 2 s, answers
            JsonNode linked = socket.awaitEvent("agentlinked", WAIT);
            assertEquals("outgoing", linked.get("calltype").asText());
            assertEquals(callId, linked.get("call_id").asText());
            assertEquals("5557777", linked.get("phone").asText());
            JsonNode call = api.get("/api/v1/agents/SIP-1003/call").body();
            assertEquals(callId, call.get("callid").asText(), call.toString());
            assertTrue(call.get("remote_channel").asText().startsWith("Local/5557777@customers"), call.toString());

            ApiClient.Answer busy = api.agent("/api/v1/calls", "{\"agent\":\"SIP/1003\",\"phone\":\"5558888\"}",
                    "demo");
            assertEquals(422, busy.status(), busy.body().toString());
            assertEquals("Agent already in call", busy.message());

            pbx.simulator().advance(Duration.ofSeconds(21)); // the customer hangs up
            JsonNode unlinked = socket.awaitEvent("agentunlinked", WAIT);
            assertEquals(callId, unlinked.get("call_id").asText());
            Awaits.until("SIP/1003 free again", WAIT, () -> status(api, "SIP-1003").equals("online"));
            // Rows follow events: the last progress row is the last record of the call.
            Awaits.until("the call's progress rows", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status FROM"
                    + " call_progress_log WHERE id_call_outgoing = ?", callId).contains("Hangup"));
            assertEquals("Success", Sql.value(pbx.dataSource(), "SELECT status FROM calls WHERE id = ?", callId));
            assertEquals("1|5557777|8|1", Sql.value(pbx.dataSource(), "SELECT CONCAT_WS('|', id_campaign, phone,"
                    + " id_agent, retries) FROM calls WHERE id = ?", callId));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "Hangup"), Sql.rows(pbx.dataSource(),
                    "SELECT new_status FROM call_progress_log WHERE id_call_outgoing = ? ORDER BY id", callId));
            assertEquals("0", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM current_calls WHERE id_call = ?",
                    callId));
        }
    }

    @Test
    void refusalsAreTheSameOnEccpAndJsonAndDialNothing() {
        ApiClient api = api();
        String before = Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM calls");
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            String cookie = eccp.login("agentconsole", "agentconsole");
            record Case(String agent, String phone, String password, int code, String message) {}
            for (Case c : List.of(
                    new Case("SIP/1004", "5557777", "demo", 417, "Agent currently not logged in"),
                    new Case("SIP/7777", "5557777", "demo", 404, "Specified agent not found"),
                    new Case("SIP/1004", "555-CALL", "demo", 417, "Invalid phone number"),
                    new Case("SIP/1004", "5557777", "wrong", 401, "Unauthorized agent"))) {
                EccpResponse.Failure viaEccp = eccp.send(XmlElement.builder("dialnumber")
                        .add("agent_number", c.agent()).add("agent_hash", Md5.agentHash(cookie, c.agent(), c.password()))
                        .add("phone", c.phone()).build()).failure().orElseThrow();
                assertEquals(c.code(), viaEccp.code(), c.toString());
                assertEquals(c.message(), viaEccp.message());
                ApiClient.Answer json = api.agent("/api/v1/calls", "{\"agent\":\"" + c.agent() + "\",\"phone\":\""
                        + c.phone() + "\"}", c.password());
                assertEquals(c.code(), json.code(), json.body().toString());
                assertEquals(c.message(), json.message());
            }
        }
        ApiClient.Answer noPhone = api.agent("/api/v1/calls", "{\"agent\":\"SIP/1004\"}", "demo");
        assertEquals(400, noPhone.status());
        assertEquals(401, new ApiClient(pbx.httpPort()).post("/api/v1/calls",
                "{\"agent\":\"SIP/1004\",\"phone\":\"5557777\"}").status());
        assertEquals(before, Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM calls"), "no row, nothing dialled");
    }

    @Test
    void anAgentCallsANumberFromTheConsole() {
        Browser browser = Browser.open("http://127.0.0.1:" + pbx.httpPort());
        try {
            browser.go("/console/");
            browser.type("Client account", "agentconsole");
            browser.type("Client password", "agentconsole");
            browser.button("Connect").click();
            browser.type("Agent", "SIP/1005");
            browser.type("Extension", "1005");
            browser.type("Agent password", "demo");
            browser.button("Log in agent").click();
            browser.awaitText("Agent status", "Ready");

            browser.type("Phone number", "5556666");
            browser.button("Call").click();
            browser.awaitText("Message", "Calling 5556666: answer your phone.");
            // The agent's phone answers after 1 s, the customer after 2 s more.
            browser.await("the call on screen", d -> {
                pbx.simulator().advance(Duration.ofMillis(500));
                return browser.region("Current call").getText().contains("5556666");
            });
            browser.awaitText("Current call", "Demo outgoing campaign");
            browser.awaitText("Agent status", "On call");
            assertTrue(!browser.button("Call").isEnabled(), "no second call while on one");

            browser.button("Hang up").click();
            browser.awaitText("Current call", "Ended");
            browser.awaitText("Agent status", "Ready");
            browser.button("Log out agent").click();
            browser.region("Agent login");
        } finally {
            browser.screenshot(java.nio.file.Path.of("target", "browser", "console-click-to-call.png"));
            browser.close();
        }
    }

    private static String status(ApiClient api, String agent) {
        return api.get("/api/v1/agents/" + agent).body().path("status").asText();
    }
}
