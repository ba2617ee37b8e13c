package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent lifecycle end to end: ECCP client library → dialerd → AMI over TCP → simulated
 * Asterisk, for a static (app_agent_pool) and a dynamic agent, with the events a console sees
 * and the audit rows the reports read.
 */
class AgentLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;

    private EccpClient eccp;
    private final LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.start("sql/demo-data.sql");
    }

    @AfterAll
    static void stopPbx() {
        pbx.close();
    }

    @BeforeEach
    void connect() {
        eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        eccp.onEvent(events::add);
    }

    @AfterEach
    void disconnect() {
        eccp.close();
    }

    /** The first event of that name not yet awaited (events may come in any order among themselves). */
    private XmlElement awaitEvent(String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (XmlElement event : events) {
                XmlElement body = event.children().get(0);
                if (body.name().equals(name) && events.remove(event)) {
                    return body;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no <" + name + "> event within " + WAIT + "; got " + events);
            }
            Thread.sleep(5); // polling interval
        }
    }

    private static String status(EccpResponse response) {
        return response.text("status").orElse("");
    }

    @Test
    void staticAgentLogsInPausesAndLogsOutWithEvents() throws Exception {
        AgentCredentials agent = new AgentCredentials("Agent/9001", "demo");
        EccpResponse login = eccp.loginAgent(agent, "1002");
        assertEquals("logging", status(login), login.body().toString());
        pbx.simulator().advance(Duration.ofSeconds(2)); // the phone answers and AgentLogin runs
        assertEquals("Agent/9001", awaitEvent("agentloggedin").childText("agent").orElseThrow());

        EccpResponse online = eccp.getAgentStatus("Agent/9001");
        assertEquals("online", status(online));
        assertEquals(Optional.of("1002"), online.text("extension"));
        assertTrue(online.text("channel").orElseThrow().startsWith("Local/1002@agents-"));
        assertEquals(2, queueCount("Agent/9001"), "static members of 8000 and 8001, as Asterisk reports");

        assertTrue(eccp.pauseAgent(agent, 2).isSuccess());
        XmlElement pauseStart = awaitEvent("pausestart");
        assertEquals(Optional.of("2"), pauseStart.childText("pause_type"));
        assertEquals(Optional.of("Lunch"), pauseStart.childText("pause_name"));
        EccpResponse paused = eccp.getAgentStatus("Agent/9001");
        assertEquals("paused", status(paused));
        assertEquals(Optional.of("Lunch"), paused.body().child("pauseinfo").orElseThrow().childText("pausename"));

        assertTrue(eccp.unpauseAgent(agent).isSuccess());
        awaitEvent("pauseend");
        assertEquals("online", status(eccp.getAgentStatus("Agent/9001")));

        assertEquals("logged-out", status(eccp.logoutAgent(agent)));
        awaitEvent("agentloggedout");
        assertEquals("offline", status(eccp.getAgentStatus("Agent/9001")));
        awaitAuditClosed(2);
    }

    @Test
    void dynamicAgentJoinsItsQueuesAndLeavesThem() throws Exception {
        AgentCredentials agent = new AgentCredentials("SIP/1003", "demo");
        assertEquals("logged-in", status(eccp.loginAgent(agent, "1003")));
        awaitEvent("agentloggedin");
        XmlElement membership = awaitEvent("queuemembership");
        assertEquals("SIP/1003", membership.childText("agent_number").orElseThrow());
        Awaits.until("both queues", WAIT, () -> eccp.getAgentStatus("SIP/1003").isSuccess()
                && queueCount("SIP/1003") == 2);

        assertTrue(eccp.pauseAgent(agent, 3).isSuccess());
        awaitEvent("pausestart");
        assertTrue(eccp.unpauseAgent(agent).isSuccess());
        awaitEvent("pauseend");

        assertEquals("logged-out", status(eccp.logoutAgent(agent)));
        awaitEvent("agentloggedout");
        assertEquals("offline", status(eccp.getAgentStatus("SIP/1003")));
        awaitAuditClosed(8);
    }

    @Test
    void loginChannelHangingUpMidBreakEndsSessionAndBreak() throws Exception {
        AgentCredentials agent = new AgentCredentials("Agent/9002", "demo");
        assertEquals("logging", status(eccp.loginAgent(agent, "1004")));
        pbx.simulator().advance(Duration.ofSeconds(2));
        awaitEvent("agentloggedin");
        assertTrue(eccp.pauseAgent(agent, 4).isSuccess());
        awaitEvent("pausestart");
        String channel = eccp.getAgentStatus("Agent/9002").text("channel").orElseThrow();

        pbx.gateway().send(new PbxAction.Hangup(channel, 16)).get(10, TimeUnit.SECONDS);
        pbx.simulator().advance(Duration.ofSeconds(1));
        awaitEvent("agentloggedout");
        assertEquals("offline", status(eccp.getAgentStatus("Agent/9002")));
        awaitAuditClosed(3);
    }

    @Test
    void agentAlreadyOnAnotherExtensionIsRefused() throws Exception {
        AgentCredentials agent = new AgentCredentials("SIP/1004", "demo");
        assertEquals("logged-in", status(eccp.loginAgent(agent, "1005")));
        EccpResponse second = eccp.loginAgent(agent, "1006");
        assertEquals(new EccpResponse.Failure(409, "Specified agent already connected to extension: 1005"),
                second.failure().orElseThrow());
        assertEquals("logged-out", status(eccp.logoutAgent(agent)));
    }

    @Test
    void loginFailuresKeepTheAgentOffline() {
        AgentCredentials agent = new AgentCredentials("Agent/9003", "demo");
        assertEquals(new EccpResponse.Failure(404, "Specified extension not found"),
                eccp.loginAgent(agent, "5555").failure().orElseThrow());
        assertEquals(new EccpResponse.Failure(401, "Unauthorized agent"),
                eccp.loginAgent(new AgentCredentials("Agent/9003", "wrong"), "1001").failure().orElseThrow());
        assertEquals(new EccpResponse.Failure(404, "Specified agent not found"),
                eccp.loginAgent(new AgentCredentials("Agent/9999", "demo"), "1001").failure().orElseThrow());
        assertEquals(new EccpResponse.Failure(417, "Agent currently not logged in"),
                eccp.pauseAgent(agent, 2).failure().orElseThrow());
        assertEquals(new EccpResponse.Failure(404, "Break ID not found or not active"),
                eccp.pauseAgent(agent, 6).failure().orElseThrow());
        assertEquals("offline", status(eccp.getAgentStatus("Agent/9003")));
    }

    @Test
    void staticLoginToABusyPhoneFailsWithAgentFailedLogin() throws Exception {
        AgentCredentials agent = new AgentCredentials("Agent/9004", "demo");
        assertEquals("logging", status(eccp.loginAgent(agent, "3001")));
        pbx.simulator().advance(Duration.ofSeconds(1));
        assertEquals("Agent/9004", awaitEvent("agentfailedlogin").childText("agent").orElseThrow());
        assertEquals("offline", status(eccp.getAgentStatus("Agent/9004")));
        assertFalse(eccp.getAgentStatus("Agent/9004").text("extension").isPresent());
    }

    @Test
    void filteredSessionSeesOnlyItsAgent() throws Exception {
        try (EccpClient filtered = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            filtered.login("agentconsole", "agentconsole");
            assertTrue(filtered.filterByAgent("SIP/1005").isSuccess());
            LinkedBlockingQueue<XmlElement> seen = new LinkedBlockingQueue<>();
            filtered.onEvent(seen::add);
            AgentCredentials other = new AgentCredentials("SIP/1001", "demo");
            AgentCredentials mine = new AgentCredentials("SIP/1005", "demo");
            assertEquals("logged-in", status(eccp.loginAgent(other, "1001")));
            assertEquals("logged-in", status(eccp.loginAgent(mine, "1007")));
            XmlElement event = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals("SIP/1005", event.children().get(0).childText("agent")
                    .or(() -> event.children().get(0).childText("agent_number")).orElseThrow());
            eccp.logoutAgent(other);
            eccp.logoutAgent(mine);
            Awaits.until("logout events", WAIT, () -> seen.stream().anyMatch(
                    e -> e.children().get(0).name().equals("agentloggedout")));
            for (XmlElement e : seen) {
                XmlElement body = e.children().get(0);
                String agentNumber = body.childText("agent").or(() -> body.childText("agent_number")).orElseThrow();
                assertEquals("SIP/1005", agentNumber, "filtered session got " + e);
            }
        }
    }

    private int queueCount(String agent) {
        return eccp.getAgentQueues(agent).body().child("queues").map(q -> q.children().size()).orElse(0);
    }

    /** Every audit row of the agent (by id) is closed. */
    private static void awaitAuditClosed(int agentId) {
        Awaits.until("audit rows of agent " + agentId + " closed", WAIT, () -> openAuditRows(agentId) == 0
                && auditRows(agentId) > 0);
    }

    private static int openAuditRows(int agentId) {
        return count("SELECT COUNT(*) FROM audit WHERE id_agent = " + agentId + " AND datetime_end IS NULL");
    }

    private static int auditRows(int agentId) {
        return count("SELECT COUNT(*) FROM audit WHERE id_agent = " + agentId
                + " AND datetime_init >= CURDATE()");
    }

    private static int count(String sql) {
        try (Connection c = pbx.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(List<XmlElement> list) {
        return list.stream().map(e -> e.children().get(0).name()).toList();
    }
}
