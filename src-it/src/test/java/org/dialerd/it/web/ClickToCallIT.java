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
import org.dialerd.sim.fault.AmiFaults;
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
            originateArrived("Local/1003@agents");

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

    /**
     * A static agent's line is {@code Local/9002@agent-request}: its ;2 runs AgentRequest, which
     * bridges the agent's AgentLogin channel in (and gives ;2 that channel's older linkedid, as
     * Asterisk 22 does, ami-traces 04b); ;1 keeps the call's linkedid, so the customer's channel
     * Dial makes from it is found as for a dynamic agent. The case was dropped last session for
     * want of an agentlinked: the answer to POST /api/v1/calls comes back before the Originate
     * has reached the simulator, and the test advanced the PBX's virtual time before the call
     * existed there (nothing then moved it on). The PBX is now advanced only once it has the call.
     */
    @Test
    void aStaticAgentsPhoneIsReachedThroughAgentRequest() throws Exception {
        ApiClient api = api();
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=Agent/9002")) {
            assertEquals("logging", api.agent("/api/v1/agents/Agent-9002/login", "{\"extension\":\"1006\"}", "demo")
                    .body().path("status").asText());
            pbx.simulator().advance(Duration.ofSeconds(2)); // the phone answers and runs AgentLogin
            socket.awaitEvent("agentloggedin", WAIT);
            // app_agent_pool's probation: the agent takes calls 5 s after its login.
            pbx.simulator().advance(Duration.ofSeconds(6));

            ApiClient.Answer placed = api.agent("/api/v1/calls", "{\"agent\":\"Agent/9002\",\"phone\":\"5557070\","
                    + "\"campaign\":1}", "demo");
            assertEquals(200, placed.status(), placed.body().toString());
            String callId = placed.body().get("call_id").asText();
            originateArrived("Local/9002@agent-request");
            pbx.simulator().advance(Duration.ofSeconds(1)); // AgentRequest: the beep, the agent answers
            pbx.simulator().advance(Duration.ofSeconds(3)); // the customer rings 2 s, answers
            JsonNode linked = socket.awaitEvent("agentlinked", WAIT);
            assertEquals(callId, linked.get("call_id").asText());
            JsonNode call = api.get("/api/v1/agents/Agent-9002/call").body();
            assertTrue(call.get("remote_channel").asText().startsWith("Local/5557070@customers"), call.toString());
            assertEquals(200, api.agent("/api/v1/agents/Agent-9002/call/hangup", "", "demo").status());
            assertEquals(callId, socket.awaitEvent("agentunlinked", WAIT).get("call_id").asText());
            Awaits.until("Agent/9002 free again", WAIT, () -> status(api, "Agent-9002").equals("online"));
            Awaits.until("the call's progress rows", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status FROM"
                    + " call_progress_log WHERE id_call_outgoing = ?", callId).contains("Hangup"));
            assertEquals("3", Sql.value(pbx.dataSource(), "SELECT id_agent FROM calls WHERE id = ?", callId));
            assertEquals(200, api.agent("/api/v1/agents/Agent-9002/logout", "", "demo").status());
        }
    }

    /**
     * The customer hangs up while dialerd hears nothing (the Hangups are lost), then AMI
     * reconnects: the resync finds the customer's channel gone and ends the call as its Hangup
     * would have (agentunlinked, Hangup row, calls Success, the agent free).
     */
    @Test
    void aCallWhoseHangupWasLostEndsAtTheResyncAfterAnAmiReconnection() throws Exception {
        ApiClient api = api();
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=SIP/1001")) {
            assertEquals(200, api.agent("/api/v1/agents/SIP-1001/login", "{\"extension\":\"1001\"}", "demo")
                    .status());
            Awaits.until("SIP/1001 online", WAIT, () -> status(api, "SIP-1001").equals("online"));
            String callId = linkedCall(api, socket, "SIP/1001", "Local/1001@agents", "5557101");

            pbx.simulator().faults(AmiFaults.seeded(1).loseEvents("Hangup", 1.0));
            try {
                pbx.simulator().advance(Duration.ofSeconds(21)); // the customer hangs up; nobody hears it
            } finally {
                pbx.simulator().faults(AmiFaults.seeded(1));
            }
            assertEquals("oncall", status(api, "SIP-1001"), "dialerd still thinks the call goes on");
            pbx.simulator().dropConnections();
            Awaits.until("AMI down", WAIT, () -> !pbx.gateway().isConnected());
            Awaits.until("AMI up again", WAIT, () -> pbx.gateway().isConnected());

            assertEquals(callId, socket.awaitEvent("agentunlinked", WAIT).get("call_id").asText());
            Awaits.until("SIP/1001 free again", WAIT, () -> status(api, "SIP-1001").equals("online"));
            Awaits.until("the call's last progress row", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status"
                    + " FROM call_progress_log WHERE id_call_outgoing = ?", callId).contains("Hangup"));
            assertEquals("Success", Sql.value(pbx.dataSource(), "SELECT status FROM calls WHERE id = ?", callId));
            assertEquals("0", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM current_calls WHERE id_call = ?",
                    callId));
            assertEquals(200, api.agent("/api/v1/agents/SIP-1001/logout", "", "demo").status());
        }
    }

    /**
     * A click-to-call on hold while the AMI connection drops and comes back: the resync finds the
     * customer parked and keeps the hold (the agent on hold on the same call), unhold rings the
     * agent back into it, and the call ends as any other, with one hold in the progress log and
     * one closed hold row in the audit.
     */
    @Test
    void aClickToCallOnHoldStaysOnHoldAcrossAnAmiReconnectionAndIsTakenBack() throws Exception {
        ApiClient api = api();
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=SIP/1005")) {
            assertEquals(200, api.agent("/api/v1/agents/SIP-1005/login", "{\"extension\":\"1005\"}", "demo")
                    .status());
            Awaits.until("SIP/1005 online", WAIT, () -> status(api, "SIP-1005").equals("online"));
            String callId = linkedCall(api, socket, "SIP/1005", "Local/1005@agents", "556300"); // talks 300 s

            ApiClient.Answer hold = api.agent("/api/v1/agents/SIP-1005/call/hold", "", "demo");
            assertEquals(200, hold.status(), hold.body().toString());
            assertEquals("hold", socket.awaitEvent("pausestart", WAIT).get("pause_class").asText());
            pbx.simulator().advance(Duration.ofSeconds(1));
            Awaits.until("SIP/1005 on hold", WAIT, () -> onHold(api, "SIP-1005").equals("1"));

            pbx.simulator().dropConnections();
            Awaits.until("AMI down", WAIT, () -> !pbx.gateway().isConnected());
            Awaits.until("AMI up again", WAIT, () -> pbx.gateway().isConnected());
            socket.send("{\"type\":\"snapshot\"}");
            JsonNode snapshot = socket.await("snapshot", WAIT, m -> m.path("type").asText().equals("snapshot"));
            assertEquals("1", onHold(api, "SIP-1005"), "still on hold after the resync");
            assertEquals("oncall", status(api, "SIP-1005"));
            assertEquals(callId, api.get("/api/v1/agents/SIP-1005/call").body().get("callid").asText());
            JsonNode agent = null;
            for (JsonNode entry : snapshot.get("agents")) {
                if (entry.get("agent_number").asText().equals("SIP/1005")) {
                    agent = entry;
                }
            }
            assertTrue(agent != null && agent.get("onhold").asBoolean(), snapshot.toString());
            assertEquals(callId, agent.get("call").get("callid").asText(), agent.toString());

            assertEquals(200, api.agent("/api/v1/agents/SIP-1005/call/unhold", "", "demo").status());
            pbx.simulator().advance(Duration.ofSeconds(3)); // the agent's phone answers and takes the call back
            assertEquals("hold", socket.awaitEvent("pauseend", WAIT).get("pause_class").asText());
            Awaits.until("SIP/1005 off hold", WAIT, () -> onHold(api, "SIP-1005").equals("0"));
            assertEquals(callId, api.get("/api/v1/agents/SIP-1005/call").body().get("callid").asText());
            pbx.simulator().advance(Duration.ofSeconds(10)); // talked longer than dialer.llamada_corta: not short

            assertEquals(200, api.agent("/api/v1/agents/SIP-1005/call/hangup", "", "demo").status());
            pbx.simulator().advance(Duration.ofSeconds(1));
            assertEquals(callId, socket.awaitEvent("agentunlinked", WAIT).get("call_id").asText());
            Awaits.until("SIP/1005 free again", WAIT, () -> status(api, "SIP-1005").equals("online"));
            Awaits.until("the call's last progress row", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status"
                    + " FROM call_progress_log WHERE id_call_outgoing = ?", callId).contains("Hangup"));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "OnHold", "OffHold", "Hangup"),
                    Sql.rows(pbx.dataSource(), "SELECT new_status FROM call_progress_log WHERE id_call_outgoing = ?"
                            + " ORDER BY id", callId));
            assertEquals("Success", Sql.value(pbx.dataSource(), "SELECT status FROM calls WHERE id = ?", callId));
            Awaits.until("the hold row closed", WAIT, () -> "1|0".equals(Sql.value(pbx.dataSource(),
                    "SELECT CONCAT_WS('|', COUNT(*), SUM(datetime_end IS NULL)) FROM audit a JOIN agent g"
                            + " ON g.id = a.id_agent WHERE g.number = ? AND a.id_break = 1", "1005")));
            assertEquals(200, api.agent("/api/v1/agents/SIP-1005/logout", "", "demo").status());
        }
    }

    /**
     * dialerd killed (no shutdown) after the agent answered, while the customer's phone rings,
     * then started again: the first resync takes the call over from its row and Asterisk's
     * channels (the agent leg by its uniqueid and ID_CALL, the customer's by its linkedid), not
     * as a dialer call, which would wait for an OriginateResponse that went to the dead
     * connection and fail a call that is being talked. The agent is on it again, the customer's
     * answer links it (agentlinked), the customer's hangup ends it with its final rows.
     */
    @Test
    void aClickToCallRingingTheCustomerIsTakenOverAfterARestartAndFollowedToItsEnd() throws Exception {
        String callId;
        ApiClient before = api();
        assertEquals(200, before.agent("/api/v1/agents/SIP-1002/login", "{\"extension\":\"1002\"}", "demo")
                .status());
        Awaits.until("SIP/1002 online", WAIT, () -> status(before, "SIP-1002").equals("online"));
        ApiClient.Answer placed = before.agent("/api/v1/calls", "{\"agent\":\"SIP/1002\",\"phone\":\"556060\"}",
                "demo"); // answers after 1 s, talks 60 s
        assertEquals(200, placed.status(), placed.body().toString());
        callId = placed.body().get("call_id").asText();
        originateArrived("Local/1002@agents");
        pbx.simulator().advance(Duration.ofSeconds(1)); // the agent answers, Dial rings the customer
        Awaits.until("the customer's phone rings", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.startsWith("Local/556060@customers-")));
        Awaits.until("the call's Dialing row", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status FROM"
                + " call_progress_log WHERE id_call_outgoing = ?", callId).contains("Dialing"));

        pbx.killDialerd();
        pbx.startDialerd();

        ApiClient api = api();
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=SIP/1002")) {
            Awaits.until("SIP/1002 taken over, on its call", WAIT, () -> status(api, "SIP-1002").equals("oncall"));
            pbx.simulator().advance(Duration.ofSeconds(2)); // the customer answers
            assertEquals(callId, socket.awaitEvent("agentlinked", WAIT).get("call_id").asText());
            JsonNode call = api.get("/api/v1/agents/SIP-1002/call").body();
            assertEquals(callId, call.get("callid").asText(), call.toString());

            pbx.simulator().advance(Duration.ofSeconds(60)); // the customer hangs up
            assertEquals(callId, socket.awaitEvent("agentunlinked", WAIT).get("call_id").asText());
            Awaits.until("SIP/1002 free again", WAIT, () -> status(api, "SIP-1002").equals("online"));
            Awaits.until("the call finished", WAIT, () -> Sql.rows(pbx.dataSource(), "SELECT new_status FROM"
                    + " call_progress_log WHERE id_call_outgoing = ?", callId).contains("Hangup"));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "Hangup"), Sql.rows(pbx.dataSource(),
                    "SELECT new_status FROM call_progress_log WHERE id_call_outgoing = ? ORDER BY id", callId));
            assertEquals("Success|7", Sql.value(pbx.dataSource(), "SELECT CONCAT_WS('|', status, id_agent) FROM calls"
                    + " WHERE id = ?", callId));
            assertEquals("0", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM current_calls WHERE id_call = ?",
                    callId));
            assertEquals(200, api.agent("/api/v1/agents/SIP-1002/logout", "", "demo").status());
        }
    }

    /** Places a click-to-call and lets the agent (after 1 s) and the customer (2 s more) answer. */
    private static String linkedCall(ApiClient api, EventStream socket, String agent, String line, String phone)
            throws InterruptedException {
        ApiClient.Answer placed = api.agent("/api/v1/calls", "{\"agent\":\"" + agent + "\",\"phone\":\"" + phone
                + "\"}", "demo");
        assertEquals(200, placed.status(), placed.body().toString());
        String callId = placed.body().get("call_id").asText();
        originateArrived(line);
        pbx.simulator().advance(Duration.ofSeconds(1));
        pbx.simulator().advance(Duration.ofSeconds(3));
        assertEquals(callId, socket.awaitEvent("agentlinked", WAIT).get("call_id").asText());
        return callId;
    }

    /**
     * The answer to a click-to-call comes before its Originate reached Asterisk: the PBX's
     * virtual time moves on only once the agent's line is being called.
     */
    private static void originateArrived(String line) {
        Awaits.until("the Originate of " + line + " reached the PBX", WAIT, () -> pbx.simulator().channelNames()
                .stream().anyMatch(name -> name.startsWith(line + "-")));
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
            browser.connectAs("agentconsole", "agentconsole");
            browser.logInAgent("SIP/1005", "1005", "demo");

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

    private static String onHold(ApiClient api, String agent) {
        return api.get("/api/v1/agents/" + agent).body().path("onhold").asText();
    }

    private static String status(ApiClient api, String agent) {
        return api.get("/api/v1/agents/" + agent).body().path("status").asText();
    }
}
