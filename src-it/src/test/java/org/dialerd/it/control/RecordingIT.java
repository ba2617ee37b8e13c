package org.dialerd.it.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.Test;

/** A MixMonitor recording of a tracked call becomes a call_recording row with its file. */
class RecordingIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void recordingOfTheCustomerChannelIsRecordedForTheCall() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1003", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1003").text("status").orElseThrow());
            pbx.simulator().inboundCall("0987654321", "8001", Duration.ofSeconds(60));
            pbx.simulator().advance(Duration.ofSeconds(3));
            XmlElement linked = null;
            while (linked == null) {
                XmlElement event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    throw new AssertionError("no agentlinked");
                }
                if (event.children().get(0).name().equals("agentlinked")) {
                    linked = event.children().get(0);
                }
            }
            String callId = linked.childText("call_id").orElseThrow();
            String customer = linked.childText("remote_channel").orElseThrow();

            String file = "/var/spool/asterisk/monitor/call-" + callId + ".wav";
            pbx.gateway().send(new PbxAction.MixMonitor(customer, file, "b")).get(10, TimeUnit.SECONDS);
            pbx.simulator().advance(Duration.ofMillis(500));
            Awaits.until("call_recording row", WAIT, () -> file.equals(value(pbx,
                    "SELECT recordingfile FROM call_recording WHERE id_call_incoming = ?", callId)));
            assertEquals(customer, value(pbx, "SELECT channel FROM call_recording WHERE id_call_incoming = ?", callId));
            eccp.logoutAgent(agent);
        }
    }

    private static String value(PbxHarness pbx, String sql, String parameter) {
        try (Connection c = pbx.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
