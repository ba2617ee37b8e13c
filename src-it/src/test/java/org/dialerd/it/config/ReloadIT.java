package org.dialerd.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.Test;

/**
 * reload() (what SIGHUP runs) on a running daemon: a valor_config row changed in the database
 * is in force for the next call, without a restart. Here dialer.llamada_corta goes from 10 to
 * 60 s, so a 20-second campaign call that would end Success ends ShortCall.
 */
class ReloadIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aChangedValorConfigRowIsUsedByTheEngineAfterReload() throws Exception {
        try (PbxHarness pbx = PbxHarness.startWithDialer("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            assertEquals(List.of(), pbx.dialerd().reload(), "nothing changed yet");
            try (Connection c = pbx.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE valor_config SET config_value = '60' WHERE config_key = 'dialer.llamada_corta'");
            }

            assertEquals(List.of("dialer.llamada_corta: 10 → 60"),
                    pbx.dialerd().reload().stream().map(Object::toString).toList());
            assertEquals(60, pbx.dialerd().settings().shortCallSeconds());

            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1002", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1002").text("status").orElseThrow());
            Awaits.until("a call placed", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("@customers")));
            pbx.simulator().advance(Duration.ofSeconds(3)); // the customer answers after 2 s, joins 8000
            pbx.simulator().advance(Duration.ofSeconds(2)); // the agent's phone answers after 1 s
            String callId = EventWaits.await(events, "agentlinked", WAIT).childText("call_id").orElseThrow();
            eccp.pauseAgent(agent, 2); // no further calls
            pbx.simulator().advance(Duration.ofSeconds(25)); // the customer talks 20 s and hangs up

            XmlElement unlinked = EventWaits.await(events, "agentunlinked", WAIT);
            assertEquals("1", unlinked.childText("shortcall").orElseThrow(), "20 s < the reloaded 60 s");
            Awaits.until("call row final", WAIT, () -> "ShortCall".equals(Sql.value(pbx.dataSource(),
                    "SELECT status FROM calls WHERE id = ? AND end_time IS NOT NULL", callId)));
            assertTrue(Integer.parseInt(Sql.value(pbx.dataSource(), "SELECT duration FROM calls WHERE id = ?",
                    callId)) < 60);
            eccp.logoutAgent(agent);
        }
    }
}
