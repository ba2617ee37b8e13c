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
import org.junit.jupiter.api.Test;

/**
 * The outbound dialer end to end: an agent logs in to the campaign queue 8000, dialerd dials
 * the demo campaign's numbers into the simulated PBX, the answered customer reaches the agent
 * (agentlinked with the call's attributes), hangs up (agentunlinked), and the calls row, the
 * progress log and the campaign's statistics say so.
 */
class OutboundCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void campaignCallReachesTheAgentAndIsRecorded() throws Exception {
        try (PbxHarness pbx = PbxHarness.startWithDialer("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            List<XmlElement> all = new java.util.concurrent.CopyOnWriteArrayList<>();
            eccp.onEvent(event -> {
                events.add(event);
                all.add(event);
            });
            assertTrue(eccp.callProgress(true).isSuccess());
            AgentCredentials agent = new AgentCredentials("SIP/1002", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1002").text("status").orElseThrow());

            // One free agent, no history: the reference predictor places exactly one call.
            Awaits.until("a call placed", WAIT, () -> count(pbx, "status = 'Placing'") == 1);
            Awaits.until("the originate reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("@customers")));
            pbx.simulator().advance(Duration.ofSeconds(3)); // the customer answers after 2 s, joins 8000
            Awaits.until("call queued", WAIT, () -> count(pbx, "status IN ('OnQueue', 'Success')") == 1);
            pbx.simulator().advance(Duration.ofSeconds(2)); // the agent's phone answers after 1 s
            XmlElement linked = await(events, "agentlinked");
            assertEquals("SIP/1002", linked.childText("agent_number").orElseThrow());
            assertEquals("outgoing", linked.childText("calltype").orElseThrow());
            assertEquals("1", linked.childText("campaign_id").orElseThrow());
            String callId = linked.childText("call_id").orElseThrow();
            // The event goes out before the rows: they follow through the journal a moment later.
            awaitColumn(pbx, linked.childText("campaignlog_id").orElseThrow(), "SELECT id FROM call_progress_log "
                    + "WHERE id_call_outgoing = ? AND new_status = 'Success'", callId);
            assertEquals(3, linked.child("call_attributes").orElseThrow().children().size(), linked.toString());
            EccpResponse onCall = eccp.getAgentStatus("SIP/1002");
            assertEquals("oncall", onCall.text("status").orElseThrow());
            XmlElement callInfo = onCall.body().child("callinfo").orElseThrow();
            assertEquals(callId, callInfo.childText("callid").orElseThrow());
            assertTrue(callInfo.childText("dialstart").isPresent() && callInfo.childText("dialend").isPresent(),
                    callInfo.toString());
            awaitColumn(pbx, "1", "SELECT COUNT(*) FROM current_calls WHERE id_call = ?", callId);

            eccp.pauseAgent(agent, 2); // no further calls for this agent
            pbx.simulator().advance(Duration.ofSeconds(25)); // the customer talks 20 s and hangs up
            XmlElement unlinked = await(events, "agentunlinked");
            assertEquals(callId, unlinked.childText("call_id").orElseThrow());
            assertEquals("0", unlinked.childText("shortcall").orElseThrow());
            awaitColumn(pbx, unlinked.childText("campaignlog_id").orElseThrow(), "SELECT id FROM call_progress_log "
                    + "WHERE id_call_outgoing = ? AND new_status = 'Hangup'", callId);
            Awaits.until("call row final", WAIT, () -> "Success".equals(
                    column(pbx, "SELECT status FROM calls WHERE id = ? AND end_time IS NOT NULL", callId)));
            assertEquals("0", column(pbx, "SELECT COUNT(*) FROM current_calls WHERE id_call = ?", callId));
            assertEquals("1", column(pbx, "SELECT retries FROM calls WHERE id = ?", callId));
            assertTrue(Integer.parseInt(column(pbx, "SELECT duration FROM calls WHERE id = ?", callId)) >= 15);
            Awaits.until("progress complete", WAIT, () -> progress(pbx, callId).contains("Hangup"));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "OnQueue", "Success", "Hangup"), withoutDuplicates(
                    progress(pbx, callId)));
            Awaits.until("callprogress events", WAIT, () -> callProgress(all, callId).contains("Hangup"));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "OnQueue", "Success", "Hangup"),
                    withoutDuplicates(callProgress(all, callId)));
            Awaits.until("campaign statistics", WAIT, () -> "1".equals(column(pbx,
                    "SELECT num_completadas FROM campaign WHERE id = ?", "1")));
            eccp.logoutAgent(agent);
        }
    }

    /** The new_status of the callprogress events received for the call (all events kept in the queue). */
    private static List<String> callProgress(List<XmlElement> events, String callId) {
        return events.stream().map(e -> e.children().get(0))
                .filter(body -> body.name().equals("callprogress"))
                .filter(body -> body.childText("call_id").orElse("").equals(callId))
                .map(body -> body.childText("new_status").orElse(""))
                .toList();
    }

    private static List<String> withoutDuplicates(List<String> statuses) {
        List<String> result = new ArrayList<>();
        for (String s : statuses) {
            if (result.isEmpty() || !result.get(result.size() - 1).equals(s)) {
                result.add(s);
            }
        }
        return result;
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static int count(PbxHarness pbx, String condition) {
        return Integer.parseInt(column(pbx, "SELECT COUNT(*) FROM calls WHERE id_campaign = ? AND id <= 50 AND "
                + condition, "1"));
    }

    private static List<String> progress(PbxHarness pbx, String callId) {
        return rows(pbx, "SELECT new_status FROM call_progress_log WHERE id_call_outgoing = ? ORDER BY id", callId);
    }

    private static String column(PbxHarness pbx, String sql, String parameter) {
        return Sql.value(pbx.dataSource(), sql, parameter);
    }

    private static List<String> rows(PbxHarness pbx, String sql, String parameter) {
        return Sql.rows(pbx.dataSource(), sql, parameter);
    }

    /** Waits until the query answers {@code expected}, then the assertion names both. */
    private static void awaitColumn(PbxHarness pbx, String expected, String sql, String parameter) {
        Awaits.until(sql + " = " + expected, WAIT, () -> expected.equals(column(pbx, sql, parameter)));
    }
}
