package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.server.DemoPbx;
import org.junit.jupiter.api.Test;

/**
 * The preview dialing mode end to end over the simulator: a campaign with dial_mode 'preview'
 * offers its next call to a logged-in agent (previewcall, getagentstatus, a reservation row) and
 * dials nothing until the agent accepts; then the customer is dialled through llamada_agendada
 * and linked to that agent. Rejected and expired offers return the call untouched; a break
 * withdraws the offer; refusals carry their ECCP code and change nothing.
 */
class PreviewDialIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1002", "demo");

    @Test
    void acceptedPreviewCallIsDialledAndLinkedToTheAgent() throws Exception {
        try (PbxHarness pbx = start();
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            preview(pbx, 30);
            List<XmlElement> events = login(eccp);

            XmlElement offer = EventWaits.await(events, "previewcall", WAIT);
            assertEquals("SIP/1002", offer.childText("agent_number").orElseThrow());
            assertEquals("1", offer.childText("campaign_id").orElseThrow());
            String callId = offer.childText("call_id").orElseThrow();
            String phone = offer.childText("phone").orElseThrow();
            assertEquals(phone, Sql.value(pbx.dataSource(), "SELECT phone FROM calls WHERE id = ?", callId));
            assertFalse(offer.child("call_attributes").orElseThrow().children().isEmpty(),
                    "the call's attributes, as agentlinked carries them");
            XmlElement status = eccp.getAgentStatus("SIP/1002").orThrow();
            assertEquals(callId, status.child("preview").orElseThrow().childText("call_id").orElseThrow());
            Awaits.until("reservation row", WAIT, () -> "SIP/1002".equals(Sql.value(pbx.dataSource(),
                    "SELECT agent FROM dialerd_preview_offer WHERE id_call = ?", callId)));
            assertFalse(dialled(pbx, phone), "nothing is dialled before the agent accepts");

            EccpResponse wrong = accept(eccp, "999999");
            assertEquals(404, wrong.failure().orElseThrow().code());
            assertTrue(accept(eccp, callId).isSuccess());
            Awaits.until("the originate reached the PBX", WAIT, () -> dialled(pbx, phone));
            pbx.simulator().advance(Duration.ofSeconds(5)); // customer answers after 2 s, then the agent
            XmlElement linked = EventWaits.await(events, "agentlinked", WAIT);
            assertEquals(callId, linked.childText("call_id").orElseThrow());
            assertEquals("SIP/1002", linked.childText("agent_number").orElseThrow());
            assertEquals("oncall", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
            Awaits.until("call row linked", WAIT, () -> "Success".equals(
                    Sql.value(pbx.dataSource(), "SELECT status FROM calls WHERE id = ?", callId)));
            assertEquals("7", Sql.value(pbx.dataSource(), "SELECT id_agent FROM calls WHERE id = ?", callId));
            assertEquals("1", Sql.value(pbx.dataSource(), "SELECT retries FROM calls WHERE id = ?", callId));
            assertEquals(List.of("Placing", "Dialing", "Ringing", "Success"), Sql.rows(pbx.dataSource(),
                    "SELECT new_status FROM call_progress_log WHERE id_call_outgoing = ? ORDER BY id", callId));
            assertEquals(List.of(), Sql.rows(pbx.dataSource(), "SELECT id_call FROM dialerd_preview_offer"));
            assertEquals(409, accept(eccp, callId).failure().orElseThrow().code(), "the call is taken now");

            eccp.hangup(AGENT);
            EventWaits.await(events, "agentunlinked", WAIT);
            eccp.logoutAgent(AGENT);
        }
    }

    @Test
    void rejectedAndExpiredOffersReturnTheCallAndABreakWithdrawsTheOffer() throws Exception {
        try (PbxHarness pbx = start();
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            preview(pbx, 2);
            List<XmlElement> events = login(eccp);

            String first = EventWaits.await(events, "previewcall", WAIT).childText("call_id").orElseThrow();
            EccpResponse reject = eccp.request("rejectpreview", "agent_number", AGENT.agentNumber(),
                    "agent_hash", eccp.agentHash(AGENT), "call_id", first);
            assertTrue(reject.isSuccess(), reject.toString());
            XmlElement rejected = EventWaits.await(events, "previewcancelled", WAIT);
            assertEquals("rejected", rejected.childText("reason").orElseThrow());
            assertEquals(first, rejected.childText("call_id").orElseThrow());

            String second = EventWaits.await(events, "previewcall", WAIT).childText("call_id").orElseThrow();
            assertNotEquals(first, second, "a rejected call is not offered to the same agent again");
            XmlElement expired = EventWaits.await(events, "previewcancelled", WAIT); // preview_seconds = 2
            assertEquals("expired", expired.childText("reason").orElseThrow());
            assertEquals(410, accept(eccp, second).failure().orElseThrow().code());

            String third = EventWaits.await(events, "previewcall", WAIT).childText("call_id").orElseThrow();
            assertTrue(eccp.pauseAgent(AGENT, 2).isSuccess());
            XmlElement withdrawn = EventWaits.await(events, "previewcancelled", WAIT);
            assertEquals("pause", withdrawn.childText("reason").orElseThrow());
            assertEquals(third, withdrawn.childText("call_id").orElseThrow());
            assertEquals(404, accept(eccp, third).failure().orElseThrow().code());
            assertTrue(eccp.getAgentStatus("SIP/1002").orThrow().child("preview").isEmpty());

            for (String call : List.of(first, second, third)) {
                assertEquals(List.of("null|0"), Sql.rows(pbx.dataSource(),
                        "SELECT CONCAT(IFNULL(status, 'null'), '|', retries) FROM calls WHERE id = ?", call),
                        "call " + call + " is back in the pool untouched");
            }
            Awaits.until("reservations released", WAIT, () -> Sql.rows(pbx.dataSource(),
                    "SELECT id_call FROM dialerd_preview_offer").isEmpty());
            assertEquals(List.of(), Sql.rows(pbx.dataSource(),
                    "SELECT id FROM call_progress_log WHERE id_campaign_outgoing = 1 AND id_call_outgoing IN (?, ?, ?)",
                    first, second, third), "nothing was dialled");
            eccp.unpauseAgent(AGENT);
            eccp.logoutAgent(AGENT);
        }
    }

    private static PbxHarness start() {
        return PbxHarness.startWithDialer(
                scenario -> scenario.dialplan().context("llamada_agendada")
                        .exten("_X.", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()"),
                new DialerSettings(DemoPbx.CUSTOMER_TEMPLATE, Duration.ofMillis(200), "dialerd-p"),
                "sql/demo-data.sql");
    }

    /** Campaign 1 in preview mode, offers kept {@code seconds}. */
    private static void preview(PbxHarness pbx, int seconds) {
        Sql.update(pbx.dataSource(), "INSERT INTO dialerd_campaign_options (id_campaign, dial_mode, preview_seconds) "
                + "VALUES (1, 'preview', ?)", seconds);
    }

    private static List<XmlElement> login(EccpClient eccp) {
        eccp.login("agentconsole", "agentconsole");
        List<XmlElement> events = new CopyOnWriteArrayList<>();
        eccp.onEvent(events::add);
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1002").text("status").orElseThrow());
        return events;
    }

    private static EccpResponse accept(EccpClient eccp, String callId) {
        return eccp.request("acceptpreview", "agent_number", AGENT.agentNumber(), "agent_hash",
                eccp.agentHash(AGENT), "call_id", callId);
    }

    private static boolean dialled(PbxHarness pbx, String phone) {
        return pbx.simulator().channelNames().stream().anyMatch(name -> name.contains(phone + "@customers"));
    }
}
