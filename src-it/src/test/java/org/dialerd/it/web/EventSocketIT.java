package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event socket with real calls: an incoming call arrives as agentlinked, the agent's call is
 * read and controlled over REST, the snapshot shows it; a socket that stops reading is dropped
 * while another goes on receiving.
 */
class EventSocketIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static PbxHarness pbx;

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
    }

    @AfterAll
    static void stopPbx() {
        pbx.close();
    }

    @Test
    void anIncomingCallArrivesAsAgentLinkedAndIsControlledOverRest() throws Exception {
        ApiClient api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
        try (EventStream socket = EventStream.open(pbx.httpPort(), api.token(), "?agent=SIP/1002")) {
            ApiClient.Answer login = api.agent("/api/v1/agents/SIP-1002/login", "{\"extension\":\"1002\"}", "demo");
            assertEquals("logged-in", login.body().path("status").asText(), login.body().toString());
            socket.awaitEvent("agentloggedin", WAIT);

            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(40));
            pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
            JsonNode linked = socket.awaitEvent("agentlinked", WAIT);
            assertEquals("SIP/1002", linked.get("agent_number").asText());
            assertEquals("incoming", linked.get("calltype").asText());
            assertEquals("042345678", linked.get("phone").asText());
            assertTrue(linked.get("matching_contacts").isArray(), linked.toString());
            assertEquals(2, linked.get("matching_contacts").size());
            String callId = linked.get("call_id").asText();

            ApiClient.Answer call = api.get("/api/v1/agents/SIP-1002/call");
            assertEquals(200, call.status(), call.body().toString());
            assertEquals(callId, call.body().get("callid").asText());
            assertEquals("042345678", call.body().get("info").get("phone").asText(), call.body().toString());

            socket.send("{\"type\":\"snapshot\"}");
            JsonNode snapshot = socket.await("snapshot", WAIT, m -> m.path("type").asText().equals("snapshot"));
            JsonNode calls = snapshot.get("calls");
            assertEquals(1, calls.size(), snapshot.toString());
            assertEquals("SIP/1002", calls.get(0).get("agent_number").asText());
            assertEquals(Long.parseLong(callId), calls.get(0).get("callid").asLong());

            ApiClient.Answer hold = api.agent("/api/v1/agents/SIP-1002/call/hold", "", "demo");
            assertEquals(200, hold.status(), hold.body().toString());
            pbx.simulator().advance(Duration.ofSeconds(1));
            Awaits.until("agent on hold", WAIT, () -> "1".equals(api.get("/api/v1/agents/SIP-1002").body()
                    .path("onhold").asText()));
            assertEquals(200, api.agent("/api/v1/agents/SIP-1002/call/unhold", "", "demo").status());
            pbx.simulator().advance(Duration.ofSeconds(3)); // the agent's phone answers and takes the call back
            Awaits.until("agent off hold", WAIT, () -> "0".equals(api.get("/api/v1/agents/SIP-1002").body()
                    .path("onhold").asText()));

            ApiClient.Answer hangup = api.agent("/api/v1/agents/SIP-1002/call/hangup", "", "demo");
            assertEquals(200, hangup.status(), hangup.body().toString());
            pbx.simulator().advance(Duration.ofSeconds(1));
            assertEquals(callId, socket.awaitEvent("agentunlinked", WAIT).get("call_id").asText());
            ApiClient.Answer none = api.get("/api/v1/agents/SIP-1002/call");
            assertEquals(404, none.status());
            assertEquals("Agent has no call", none.message());
            api.agent("/api/v1/agents/SIP-1002/logout", "", "demo");
        }
    }

    @Test
    void aSocketThatStopsReadingIsDroppedWhileAnotherGoesOn() throws Exception {
        ApiClient api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
        int before = loggedInSessions();
        try (EventStream fast = EventStream.open(pbx.httpPort(), api.token(), "");
             EventStream slow = EventStream.open(pbx.httpPort(), api.token(), "", false)) {
            Awaits.until("both sockets subscribed", WAIT, () -> loggedInSessions() == before + 2);
            // About 1 KiB per event; batches the fast reader keeps up with, until the slow one has
            // more than eccp.max_outbound_bytes (16 MiB) queued beyond what the socket buffers hold.
            String agent = "Agent/9000" + "x".repeat(1000);
            var engine = pbx.dialerd().services().engine();
            long id = 0;
            for (int batch = 0; batch < 200 && loggedInSessions() == before + 2; batch++) {
                for (int i = 0; i < 1000; i++) {
                    engine.announce(new AgentEvent.RecordingMute(agent, true, "incoming", null, ++id));
                }
                String last = String.valueOf(id);
                fast.await("event " + last, WAIT, m -> m.path("data").path("call_id").asText().equals(last));
            }
            Awaits.until("the slow socket dropped", WAIT, () -> loggedInSessions() == before + 1);
            engine.announce(new AgentEvent.RecordingMute("Agent/9000", false, "incoming", null, ++id));
            String after = String.valueOf(id);
            JsonNode next = fast.await("the event after", WAIT, m -> m.path("data").path("call_id").asText()
                    .equals(after));
            assertEquals("recordingunmute", next.get("event").asText());
            assertEquals(before + 1, loggedInSessions(), "the fast socket is still subscribed");
        }
    }

    private static int loggedInSessions() {
        String metrics = new ApiClient(pbx.httpPort()).text("/metrics");
        for (String line : metrics.split("\n")) {
            if (line.startsWith("dialerd_eccp_sessions_logged_in ")) {
                return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no dialerd_eccp_sessions_logged_in in /metrics");
    }
}
