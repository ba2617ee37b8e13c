package org.dialerd.it.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
 * Hold parks the customer and pauses the agent; unhold rings the agent back into the parking
 * space; a parked customer who hangs up ends the call and frees the agent (never stuck).
 */
class HoldIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void holdUnholdAndAParkedCallerHangingUp() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());
            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(60));
            pbx.simulator().advance(Duration.ofSeconds(3));
            String callId = await(events, "agentlinked").childText("call_id").orElseThrow();

            EccpResponse hold = eccp.hold(agent);
            assertTrue(hold.isSuccess(), hold.body().toString());
            XmlElement holdStart = await(events, "pausestart");
            assertEquals("hold", holdStart.childText("pause_class").orElseThrow());
            pbx.simulator().advance(Duration.ofSeconds(1));
            EccpResponse status = eccp.getAgentStatus("SIP/1001");
            assertEquals("1", status.text("onhold").orElseThrow());
            Awaits.until("call on hold in the database", WAIT,
                    () -> "hold".equals(column(pbx, "SELECT status FROM call_entry WHERE id = ?", callId)));

            assertTrue(eccp.unhold(agent).isSuccess());
            pbx.simulator().advance(Duration.ofSeconds(3)); // the agent's phone answers and takes the call back
            assertEquals("hold", await(events, "pauseend").childText("pause_class").orElseThrow());
            assertEquals("0", eccp.getAgentStatus("SIP/1001").text("onhold").orElseThrow());
            Awaits.until("call active again", WAIT,
                    () -> "activa".equals(column(pbx, "SELECT status FROM call_entry WHERE id = ?", callId)));

            assertTrue(eccp.hold(agent).isSuccess());
            await(events, "pausestart");
            pbx.simulator().advance(Duration.ofSeconds(60)); // the parked customer gives up
            await(events, "pauseend");
            await(events, "agentunlinked");
            Awaits.until("call finished", WAIT,
                    () -> "terminada".equals(column(pbx, "SELECT status FROM call_entry WHERE id = ?", callId)));
            assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
            Awaits.until("hold rows closed", WAIT, () -> "0".equals(column(pbx,
                    "SELECT COUNT(*) FROM audit WHERE id_agent = 6 AND id_break = ? AND datetime_end IS NULL", "1")));
            assertEquals("2", column(pbx, "SELECT COUNT(*) FROM audit WHERE id_agent = 6 AND id_break = ? "
                    + "AND datetime_init >= CURDATE()", "1"));
            List<String> progress = rows(pbx, "SELECT new_status FROM call_progress_log WHERE id_call_incoming = ? "
                    + "ORDER BY id", callId);
            // The call ended on hold: nothing is written about it after its Hangup.
            assertEquals(List.of("OnQueue", "Success", "OnHold", "OffHold", "OnHold", "Hangup"), progress);
            eccp.logoutAgent(agent);
        }
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static String column(PbxHarness pbx, String sql, String parameter) {
        return Sql.value(pbx.dataSource(), sql, parameter);
    }

    private static List<String> rows(PbxHarness pbx, String sql, String parameter) {
        return Sql.rows(pbx.dataSource(), sql, parameter);
    }
}
