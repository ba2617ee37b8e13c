package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.server.DemoPbx;
import org.junit.jupiter.api.Test;

/**
 * A call schedulecall reserved for an agent is dialled when that agent is free, through the
 * llamada_agendada context straight to the agent's extension: schedulecallstart, then
 * agentlinked when the customer is bridged to the agent.
 */
class ScheduledDialIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void scheduledCallGoesToItsAgent() throws Exception {
        try (PbxHarness pbx = PbxHarness.startWithDialer(
                scenario -> scenario.dialplan().context("llamada_agendada")
                        .exten("_X.", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()"),
                new DialerSettings(DemoPbx.CUSTOMER_TEMPLATE, Duration.ofMillis(200), "dialerd-s"),
                "sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            execute(pbx, "UPDATE calls SET dnc = 1 WHERE id_campaign = 1");
            execute(pbx, "INSERT INTO calls (id, id_campaign, phone, retries, dnc, agent, scheduled) "
                    + "VALUES (900, 1, '5551900', 0, 0, 'SIP/1002', 1)");
            eccp.login("agentconsole", "agentconsole");
            List<XmlElement> events = new CopyOnWriteArrayList<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1002", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1002").text("status").orElseThrow());

            XmlElement start = EventWaits.await(events, "schedulecallstart", WAIT);
            assertEquals("900", start.childText("call_id").orElseThrow());
            Awaits.until("the originate reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("5551900@customers")));
            pbx.simulator().advance(Duration.ofSeconds(5)); // customer answers after 2 s, then the agent after 1 s
            XmlElement linked = EventWaits.await(events, "agentlinked", WAIT);
            assertEquals("900", linked.childText("call_id").orElseThrow());
            assertEquals("SIP/1002", linked.childText("agent_number").orElseThrow());
            assertEquals("oncall", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
            Awaits.until("call row linked", WAIT, () -> "Success".equals(status(pbx)));
            eccp.hangup(agent);
            EventWaits.await(events, "agentunlinked", WAIT);
            eccp.logoutAgent(agent);
        }
    }

    private static void execute(PbxHarness pbx, String sql) throws SQLException {
        try (Connection c = pbx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String status(PbxHarness pbx) {
        try (Connection c = pbx.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status FROM calls WHERE id = 900");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
