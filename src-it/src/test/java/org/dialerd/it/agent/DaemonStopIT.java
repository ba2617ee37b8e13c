package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.Test;

/** Stopping dialerd closes every open login session and break: no audit row is left open. */
class DaemonStopIT {
    @Test
    void stoppingTheDaemonClosesOpenSessionsAndBreaks() throws Exception {
        PbxHarness pbx = PbxHarness.start("sql/demo-data.sql");
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            AgentCredentials staticAgent = new AgentCredentials("Agent/9000", "demo");
            AgentCredentials dynamicAgent = new AgentCredentials("SIP/1002", "demo");
            assertEquals("logging", eccp.loginAgent(staticAgent, "1001").text("status").orElseThrow());
            pbx.simulator().advance(Duration.ofSeconds(2));
            Awaits.until("Agent/9000 online", Duration.ofSeconds(20),
                    () -> eccp.getAgentStatus("Agent/9000").text("status").orElse("").equals("online"));
            assertEquals("logged-in", eccp.loginAgent(dynamicAgent, "1002").text("status").orElseThrow());
            assertTrue(eccp.pauseAgent(staticAgent, 2).isSuccess());
            assertTrue(eccp.pauseAgent(dynamicAgent, 3).isSuccess());
            Awaits.until("4 audit rows written", Duration.ofSeconds(20), () -> count(pbx, "1 = 1") == 4);
        } finally {
            pbx.close();
        }
        assertEquals(0, count(pbx, "datetime_end IS NULL"), "open audit rows after stop");
        assertEquals(4, count(pbx, "datetime_end IS NOT NULL AND duration IS NOT NULL"));
    }

    private static int count(PbxHarness pbx, String condition) {
        try (Connection c = pbx.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM audit WHERE id_agent IN (1, 7) AND "
                     + "datetime_init >= CURDATE() AND " + condition)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
