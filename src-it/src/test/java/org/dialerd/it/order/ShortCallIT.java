package org.dialerd.it.order;

import static org.dialerd.it.order.CallScript.AGENT;
import static org.dialerd.it.order.CallScript.customerEvent;
import static org.dialerd.it.order.CallScript.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.sim.order.EventOrder;
import org.junit.jupiter.api.Test;

/**
 * agentunlinked's shortcall follows the call type (docs/protocol.md): an outgoing call whose talk
 * time is under dialer.llamada_corta (4 s in sql/event-order.sql) ends ShortCall and is flagged,
 * also when the agent transferred it; an incoming call is never flagged, however short, and
 * whether it was transferred or not.
 */
class ShortCallIT {

    @Test
    void outgoingCallsAreShortByTheirTalkTimeAlsoWhenTransferred() {
        try (CallScript s = CallScript.start(EventOrder.NATURAL, 2)) {
            s.loginAgent();
            XmlElement normal = outgoing(s, "7100006", false); // talks 6 s
            assertEquals("0", normal.childText("shortcall").orElseThrow());
            s.awaitValue("call 1 ended", "Success", "SELECT status FROM calls WHERE id = 1 AND end_time IS NOT NULL");

            XmlElement brief = outgoing(s, "7100002", false); // hangs up 2 s after answering
            assertEquals("1", brief.childText("shortcall").orElseThrow());
            assertTrue(Integer.parseInt(brief.childText("duration").orElseThrow()) < 4, brief.toString());
            s.awaitValue("call 3 ended short", "ShortCall", "SELECT status FROM calls WHERE id = 3 AND end_time IS NOT NULL");
            s.awaitValue("progress of call 3", "Placing Dialing Ringing OnQueue Success ShortCall Hangup",
                    "SELECT GROUP_CONCAT(new_status ORDER BY id SEPARATOR ' ') FROM call_progress_log "
                            + "WHERE id_call_outgoing = 3");

            XmlElement transferred = outgoing(s, "7100030", true); // transferred after 2 s
            assertEquals("1", transferred.childText("shortcall").orElseThrow());
            assertEquals("2", transferred.childText("duration").orElseThrow());
            s.awaitValue("call 4 transferred, short", "ShortCall 1002",
                    "SELECT CONCAT(status, ' ', transfer) FROM calls WHERE id = 4 AND end_time IS NOT NULL");
            s.awaitValue("only call 1 in the talk statistics", "1",
                    "SELECT num_completadas FROM campaign WHERE id = 1");
        }
    }

    @Test
    void incomingCallsAreNeverShortAlsoWhenTransferred() {
        try (CallScript s = CallScript.start(EventOrder.NATURAL, 1, 2, 3, 4)) {
            s.loginAgent();
            String caller = s.pbx.simulator().inboundCall("042000001", "8001", Duration.ofMillis(3500));
            String brief = s.linkedIncoming("042000001");
            s.stepUntil("the caller's hangup", event("Hangup", "Channel", caller));
            XmlElement hungUp = s.await("agentunlinked");
            assertEquals(brief, hungUp.childText("call_id").orElseThrow());
            assertTrue(Integer.parseInt(hungUp.childText("duration").orElseThrow()) < 4, hungUp.toString());
            assertEquals("0", hungUp.childText("shortcall").orElseThrow());
            s.awaitValue("call finished", "terminada", "SELECT status FROM call_entry WHERE id = ?", brief);

            s.pbx.simulator().inboundCall("042000003", "8001", Duration.ofSeconds(30));
            String transferred = s.linkedIncoming("042000003");
            s.steps(2);
            s.assertSuccess(s.eccp.transferCall(AGENT, "1002"));
            XmlElement sent = s.await("agentunlinked");
            assertEquals(transferred, sent.childText("call_id").orElseThrow());
            assertEquals("2", sent.childText("duration").orElseThrow());
            assertEquals("0", sent.childText("shortcall").orElseThrow());
            s.awaitValue("call transferred", "1002 terminada",
                    "SELECT CONCAT(transfer, ' ', status) FROM call_entry WHERE id = ?", transferred);
            assertEquals(List.of("OnQueue", "Success", "Hangup"), s.progress("id_call_incoming", transferred));
        }
    }

    /**
     * The dialer's next call (to {@code phone}) from its originate to agentunlinked; the agent
     * is paused while linked, so the dialer places nothing else meanwhile.
     */
    private static XmlElement outgoing(CallScript s, String phone, boolean transfer) {
        s.awaitOriginate(phone);
        s.stepUntil("AgentConnect of " + phone, customerEvent("AgentConnect", phone));
        s.await("agentlinked");
        s.assertSuccess(s.eccp.pauseAgent(AGENT, 2));
        s.await("pausestart");
        if (transfer) {
            s.steps(2);
            s.assertSuccess(s.eccp.transferCall(AGENT, "1002"));
        } else {
            s.stepUntil("AgentComplete of " + phone, customerEvent("AgentComplete", phone));
        }
        XmlElement unlinked = s.await("agentunlinked");
        s.assertSuccess(s.eccp.unpauseAgent(AGENT));
        s.await("pauseend");
        return unlinked;
    }
}
