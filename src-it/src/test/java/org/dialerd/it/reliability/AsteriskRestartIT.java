package org.dialerd.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * The simulated Asterisk restarts (CLI core restart now, trace 13) while one agent talks, one
 * is on a break and one has a caller on hold: over real AMI no Hangup ever arrives, yet every
 * call gets its agentunlinked and final row, every agent its agentloggedout and closed audit
 * rows, and nothing of them is left behind; once the agents log in again, calls flow again.
 */
class AsteriskRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT_9000 = new AgentCredentials("Agent/9000", "demo");
    private static final AgentCredentials AGENT_9001 = new AgentCredentials("Agent/9001", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");

    @Test
    void restartMidCallEndsEveryCallAndLogsEveryAgentOutWithTheirEvents() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            List<XmlElement> events = new CopyOnWriteArrayList<>();
            eccp.onEvent(events::add);
            loginStatic(pbx, eccp, AGENT_9000, "1001");
            loginStatic(pbx, eccp, AGENT_9001, "1003");
            assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
            assertTrue(eccp.pauseAgent(AGENT_9001, 2).isSuccess(), "9001 on a break");
            assertTrue(eccp.pauseAgent(SIP_1002, 3).isSuccess(), "1002 out of the way for the first call");

            pbx.simulator().inboundCall("5557001", "8001", Duration.ofMinutes(10));
            pbx.simulator().advance(Duration.ofSeconds(3));
            assertEquals("Agent/9000", EventWaits.await(events, "agentlinked", WAIT).childText("agent_number")
                    .orElseThrow());
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess());
            pbx.simulator().inboundCall("5557002", "8001", Duration.ofMinutes(10));
            pbx.simulator().advance(Duration.ofSeconds(3));
            assertEquals("SIP/1002", EventWaits.await(events, "agentlinked", WAIT).childText("agent_number")
                    .orElseThrow());
            assertTrue(eccp.hold(SIP_1002).isSuccess(), "1002's caller on hold");
            pbx.simulator().advance(Duration.ofSeconds(1));
            Awaits.until("hold row written", WAIT, () -> count(pbx, "audit", "id_break = 1") == 1);
            events.clear();

            pbx.simulator().restart(Duration.ofSeconds(1));
            pbx.simulator().advance(Duration.ofSeconds(2)); // the port opens again; dialerd logs back in

            Set<String> unlinked = Set.of(agentOf(EventWaits.await(events, "agentunlinked", WAIT)),
                    agentOf(EventWaits.await(events, "agentunlinked", WAIT)));
            assertEquals(Set.of("Agent/9000", "SIP/1002"), unlinked);
            Set<String> loggedOut = Set.of(agentOf(EventWaits.await(events, "agentloggedout", WAIT)),
                    agentOf(EventWaits.await(events, "agentloggedout", WAIT)),
                    agentOf(EventWaits.await(events, "agentloggedout", WAIT)));
            assertEquals(Set.of("Agent/9000", "Agent/9001", "SIP/1002"), loggedOut);
            for (String agent : List.of("Agent/9000", "Agent/9001", "SIP/1002")) {
                assertEquals("offline", eccp.getAgentStatus(agent).text("status").orElseThrow(), agent);
            }
            Awaits.until("call rows final", WAIT, () -> count(pbx, "call_entry", "status = 'terminada'") == 2);
            Awaits.until("no audit row left open", WAIT, () -> count(pbx, "audit", "datetime_end IS NULL") == 0);
            assertEquals(0, count(pbx, "current_call_entry", "1 = 1"));

            // Asterisk is back: the agents log in again and calls reach them.
            loginStatic(pbx, eccp, AGENT_9000, "1001");
            pbx.simulator().inboundCall("5557003", "8001", Duration.ofSeconds(30));
            pbx.simulator().advance(Duration.ofSeconds(8)); // app_agent_pool's 5 s login probation, then it rings
            assertEquals("Agent/9000", EventWaits.await(events, "agentlinked", WAIT).childText("agent_number")
                    .orElseThrow());
        }
    }

    private static String agentOf(XmlElement event) {
        return event.childText("agent_number").or(() -> event.childText("agent")).orElseThrow();
    }

    private static void loginStatic(PbxHarness pbx, EccpClient eccp, AgentCredentials agent, String extension) {
        assertEquals("logging", eccp.loginAgent(agent, extension).text("status").orElseThrow());
        pbx.simulator().advance(Duration.ofSeconds(2));
        Awaits.until(agent.agentNumber() + " online", WAIT,
                () -> eccp.getAgentStatus(agent.agentNumber()).text("status").orElse("").equals("online"));
    }

    private static int count(PbxHarness pbx, String table, String condition) {
        String since = table.equals("audit") ? "datetime_init >= CURDATE() AND "
                : table.equals("call_entry") ? "datetime_entry_queue >= CURDATE() AND " : "";
        return Integer.parseInt(Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM " + table + " WHERE " + since
                + condition));
    }
}
