package org.dialerd.it.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * schedulecall end to end: the dialer puts a demo campaign call through to SIP/1002, the
 * agent schedules the customer again, and the new calls row and its copied attributes are in
 * the database; the same schedule again is a duplicate.
 */
class ScheduleCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1002", "demo");

    @Test
    void agentOnAnOutgoingCallSchedulesTheCustomerAgain() throws Exception {
        try (PbxHarness pbx = PbxHarness.startWithDialer("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            String callId = linkedOutgoingCall(pbx, eccp, events);
            String phone = column(pbx, "SELECT phone FROM calls WHERE id = ?", callId);
            List<String> attributes = rows(pbx, "SELECT CONCAT(column_number, ' ', columna, '=', value) "
                    + "FROM call_attribute WHERE id_call = ? ORDER BY column_number", callId);
            assertEquals(3, attributes.size(), attributes.toString());
            LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

            EccpResponse sameAgent = scheduleCall(eccp, callId, tomorrow, "0991999999", "Zoila Nueva", true);
            assertTrue(sameAgent.isSuccess(), sameAgent.toString());
            String newCall = column(pbx, "SELECT id FROM calls WHERE scheduled = 1 AND phone = ?", "0991999999");
            assertEquals("1|0991999999|null|0|" + tomorrow + "|" + tomorrow.plusDays(1) + "|10:00:00|12:00:00|SIP/1002",
                    column(pbx, "SELECT CONCAT_WS('|', id_campaign, phone, IFNULL(status, 'null'), retries, date_init,"
                            + " date_end, time_init, time_end, agent) FROM calls WHERE id = ?", newCall));
            List<String> copied = new ArrayList<>(attributes);
            copied.set(0, copied.get(0).substring(0, copied.get(0).indexOf('=') + 1) + "Zoila Nueva");
            assertEquals(copied, rows(pbx, "SELECT CONCAT(column_number, ' ', columna, '=', value) "
                    + "FROM call_attribute WHERE id_call = ? ORDER BY column_number", newCall));

            EccpResponse again = scheduleCall(eccp, callId, tomorrow, "0991999999", "Zoila Nueva", true);
            assertEquals(new EccpResponse.Failure(417, "Found duplicate scheduled call"), again.failure().orElseThrow());

            EccpResponse anyAgent = scheduleCall(eccp, callId, tomorrow.plusDays(2), null, null, false);
            assertTrue(anyAgent.isSuccess(), anyAgent.toString());
            String other = column(pbx, "SELECT id FROM calls WHERE scheduled = 1 AND date_init = ?",
                    tomorrow.plusDays(2).toString());
            assertEquals(phone + "|none", column(pbx,
                    "SELECT CONCAT_WS('|', phone, IFNULL(agent, 'none')) FROM calls WHERE id = ?", other));
            assertEquals(attributes, rows(pbx, "SELECT CONCAT(column_number, ' ', columna, '=', value) "
                    + "FROM call_attribute WHERE id_call = ? ORDER BY column_number", other));

            EccpResponse outside = scheduleCall(eccp, callId, tomorrow.plusYears(2), null, null, false);
            assertEquals(new EccpResponse.Failure(417, "Supplied date range outside campaign range"),
                    outside.failure().orElseThrow());
            eccp.logoutAgent(AGENT);
        }
    }

    /** Logs SIP/1002 in to the campaign queue and waits until the dialer's first call reaches it. */
    private static String linkedOutgoingCall(PbxHarness pbx, EccpClient eccp, LinkedBlockingQueue<XmlElement> events)
            throws InterruptedException {
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1002").text("status").orElseThrow());
        Awaits.until("the originate reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.contains("@customers")));
        pbx.simulator().advance(Duration.ofSeconds(3)); // the customer answers after 2 s, joins 8000
        Awaits.until("call queued", WAIT, () -> !rows(pbx,
                "SELECT id FROM calls WHERE id_campaign = ? AND status IN ('OnQueue', 'Success')", "1").isEmpty());
        pbx.simulator().advance(Duration.ofSeconds(2)); // the agent's phone answers after 1 s
        XmlElement linked = await(events, "agentlinked");
        assertEquals("outgoing", linked.childText("calltype").orElseThrow());
        return linked.childText("call_id").orElseThrow();
    }

    private static EccpResponse scheduleCall(EccpClient eccp, String callId, LocalDate day, String newPhone,
                                             String newName, boolean sameAgent) {
        XmlElement.Builder request = XmlElement.builder("schedulecall")
                .add("agent_number", AGENT.agentNumber())
                .add("agent_hash", eccp.agentHash(AGENT))
                .add("campaign_type", "outgoing")
                .add("call_id", callId)
                .add(XmlElement.of("schedule", XmlElement.text("date_init", day),
                        XmlElement.text("date_end", day.plusDays(1)), XmlElement.text("time_init", "10:00:00"),
                        XmlElement.text("time_end", "12:00:00")))
                .add("sameagent", sameAgent ? "1" : "0");
        request.addIfPresent("newphone", newPhone);
        request.addIfPresent("newcontactname", newName);
        return eccp.send(request.build());
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
