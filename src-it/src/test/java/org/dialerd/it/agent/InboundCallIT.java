package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incoming calls in the monitored queue 8001 (demo data: incoming campaign 1, contacts 1 and 2
 * share 042345678): the call_entry row through its states, the progress log, agentlinked with
 * the matching contacts, the agent on call, agentunlinked, and abandoned calls.
 */
class InboundCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;

    @BeforeAll
    static void start() {
        pbx = PbxHarness.start("sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void answeredCallIsLinkedToTheAgentAndRecorded() throws Exception {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());

            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(40));
            pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
            XmlElement linked = await(events, "agentlinked");
            assertEquals("SIP/1001", linked.childText("agent_number").orElseThrow());
            assertEquals("incoming", linked.childText("calltype").orElseThrow());
            assertEquals("1", linked.childText("campaign_id").orElseThrow());
            assertEquals("042345678", linked.childText("phone").orElseThrow());
            assertEquals("activa", linked.childText("status").orElseThrow());
            assertEquals("8001", linked.childText("queue").orElseThrow());
            assertEquals(2, linked.child("matching_contacts").orElseThrow().children().size());
            String callId = linked.childText("call_id").orElseThrow();

            EccpResponse status = eccp.getAgentStatus("SIP/1001");
            assertEquals("oncall", status.text("status").orElseThrow());
            assertEquals(callId, status.body().child("callinfo").orElseThrow().childText("callid").orElseThrow());
            // The event goes out before the rows: they follow through the journal a moment later.
            Awaits.until("call active in the database", WAIT,
                    () -> "activa".equals(column("SELECT status FROM call_entry WHERE id = ?", callId)));
            assertEquals("1", column("SELECT COUNT(*) FROM current_call_entry WHERE id_call_entry = ?", callId));

            pbx.simulator().advance(Duration.ofSeconds(40)); // the caller hangs up
            XmlElement unlinked = await(events, "agentunlinked");
            assertEquals(callId, unlinked.childText("call_id").orElseThrow());
            Awaits.until("call finished in the database", WAIT,
                    () -> "terminada".equals(column("SELECT status FROM call_entry WHERE id = ?", callId)));
            assertEquals("0", column("SELECT COUNT(*) FROM current_call_entry WHERE id_call_entry = ?", callId));
            assertEquals(List.of("OnQueue", "Success", "Hangup"), progress(callId));
            assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
            eccp.logoutAgent(agent);
        }
    }

    @Test
    void callerWhoHangsUpWhileWaitingIsAbandoned() throws Exception {
        String before = Sql.value(pbx.dataSource(), "SELECT COALESCE(MAX(id), 0) FROM call_entry");
        pbx.simulator().inboundCall("0999000111", "8001", Duration.ofSeconds(5));
        pbx.simulator().advance(Duration.ofSeconds(1));
        // dialerd stamps events when it handles them: let it see the join before time moves on.
        Awaits.until("caller waiting in the queue", WAIT, () -> "en-cola".equals(
                column("SELECT status FROM call_entry WHERE callerid = '0999000111' AND id > ?", before)));
        pbx.simulator().advance(Duration.ofSeconds(10));
        Awaits.until("abandoned call recorded", WAIT, () -> "abandonada".equals(
                column("SELECT status FROM call_entry WHERE callerid = '0999000111' AND id > ?", before)));
        String callId = column("SELECT id FROM call_entry WHERE callerid = '0999000111' AND id > ?", before);
        assertEquals(List.of("OnQueue", "Abandoned"), progress(callId));
        assertTrue(Integer.parseInt(column("SELECT duration_wait FROM call_entry WHERE id = ?", callId)) >= 4);
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static List<String> progress(String callId) {
        List<String> statuses = new ArrayList<>();
        Awaits.until("progress rows", WAIT, () -> {
            statuses.clear();
            statuses.addAll(rows("SELECT new_status FROM call_progress_log WHERE id_call_incoming = ? ORDER BY id",
                    callId));
            return !statuses.isEmpty() && !statuses.get(statuses.size() - 1).equals("Success")
                    && !statuses.get(statuses.size() - 1).equals("OnQueue");
        });
        return statuses;
    }

    private static String column(String sql, String parameter) {
        return Sql.value(pbx.dataSource(), sql, parameter);
    }

    private static List<String> rows(String sql, String parameter) {
        return Sql.rows(pbx.dataSource(), sql, parameter);
    }
}
