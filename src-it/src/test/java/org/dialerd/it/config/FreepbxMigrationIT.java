package org.dialerd.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.dialerd.db.Database;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.Sql;
import org.dialerd.it.eccp.RawConnection;
import org.dialerd.server.Dialerd;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drop-in on an Issabel host: dialerd started with the PHP daemon's dialerd.conf (only
 * {@code [database] dbhost dbuser dbpass}) finds extensions in FreePBX's devices table through
 * amportal.conf (another database user) and dynamic agents' queues in astdb QPENALTY, with no
 * dialerd key, and answers an unknown extension as the reference does.
 */
class FreepbxMigrationIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static ReferenceHost host;
    private static Dialerd dialerd;
    private static Database callCenter;

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(dir);
        assertEquals(List.of("[database]", "dbhost = 127.0.0.1:" + host.databasePort(), "dbuser = root", "dbpass = ",
                "", "[freepbx]", "amportal_conf = " + dir.resolve("amportal.conf")),
                Files.readAllLines(host.conf()), "the reference's three keys, plus where amportal.conf is");
        // As `dialerd --config dialerd.conf --eccp-port 0` (a free port: other daemons may run here).
        dialerd = Dialerd.start(DialerdConfig.fromIni(IniFile.read(host.conf()), false, dir.resolve("data"))
                .withEccpPort(0));
        Awaits.until("AMI connected", WAIT, () -> dialerd.services().pbx().isConnected());
        callCenter = Database.open(TestDatabases.server().settings("call_center").withPoolSize(1));
    }

    @AfterAll
    static void stop() {
        if (dialerd != null) {
            dialerd.close();
        }
        if (callCenter != null) {
            callCenter.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void staticAgentLogsInThroughTheDialStringOfTheDevicesTable() throws Exception {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("Agent/9000", "demo");
            // devices says 1001 is Local/1001@agents: a phone of the simulated PBX. The old
            // template (SIP/1001) is no endpoint there and the login would fail.
            assertEquals("logging", eccp.loginAgent(agent, "1001").text("status").orElseThrow());
            Awaits.until("the login call rings Local/1001@agents", WAIT, () -> host.simulator().channelNames()
                    .stream().anyMatch(name -> name.startsWith("Local/1001@agents-")));
            host.simulator().advance(Duration.ofSeconds(2)); // the phone answers, AgentLogin runs
            Awaits.until("agent online", WAIT, () -> "online".equals(eccp.getAgentStatus("Agent/9000")
                    .text("status").orElse("")));
            assertEquals("logged-out", eccp.logoutAgent(agent).text("status").orElseThrow());
        }
    }

    @Test
    void dynamicAgentJoinsItsAstdbQueuesAsItsDeviceDialString() throws Exception {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            AgentCredentials agent = new AgentCredentials("SIP/1002", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1002").text("status").orElseThrow());
            // QPENALTY puts 1002 in 8001 with penalty 2 only; dialerd_queue_member (8000 and 8001) is not read.
            assertEquals(Map.of("8001", 2), membership("PJSIP/1002"));
            assertEquals(Map.of(), membership("SIP/1002"), "the template's interface is not used");
            assertEquals("logged-out", eccp.logoutAgent(agent).text("status").orElseThrow());
            Awaits.until("left 8001", WAIT, () -> membership("PJSIP/1002").isEmpty());
        }
    }

    @Test
    void unknownExtensionIsAnsweredAsTheReferenceAndNothingChanges() throws Exception {
        long auditRows = Long.parseLong(Sql.value(dataSource(), "SELECT COUNT(*) FROM audit"));
        try (RawConnection raw = new RawConnection(dialerd.eccpPort())) {
            raw.send("<request id=\"1\"><login><username>agentconsole</username><password>agentconsole</password>"
                    + "</login></request>");
            Matcher cookie = Pattern.compile("<app_cookie>([0-9a-f]{32})</app_cookie>")
                    .matcher(raw.awaitCount("</response>", 1, WAIT));
            assertTrue(cookie.find());
            raw.send("<request id=\"2\"><loginagent><agent_number>SIP/1003</agent_number><agent_hash>"
                    + md5(cookie.group(1) + "SIP/1003" + "demo") + "</agent_hash><extension>7777</extension>"
                    + "</loginagent></request>");
            String received = raw.awaitCount("</response>", 2, WAIT);
            // The bytes of loginagent.txt's "unknown extension" case.
            assertEquals("<?xml version=\"1.0\"?>\n<response id=\"2\"><loginagent_response><status>logged-out</status>"
                    + "<failure><code>404</code><message>Specified extension not found</message></failure>"
                    + "</loginagent_response></response>\n",
                    received.substring(received.indexOf("<?xml version=\"1.0\"?>\n<response id=\"2\">")));
        }
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            assertEquals("offline", eccp.getAgentStatus("SIP/1003").text("status").orElseThrow());
        }
        assertEquals(Map.of(), membership("SIP/1003"));
        assertEquals(auditRows, Long.parseLong(Sql.value(dataSource(), "SELECT COUNT(*) FROM audit")));
    }

    /** Queue → penalty of the simulated PBX's members with this interface. */
    private static Map<String, Integer> membership(String iface) {
        return host.simulator().inPbx(pbx -> {
            Map<String, Integer> queues = new java.util.TreeMap<>();
            pbx.queues().inOrder().forEach(q -> q.member(iface).ifPresent(m -> queues.put(q.name(), m.penalty())));
            return queues;
        });
    }

    private static DataSource dataSource() {
        return callCenter.dataSource();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
