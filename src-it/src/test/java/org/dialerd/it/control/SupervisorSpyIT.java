package org.dialerd.it.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervisor listen, whisper and barge against the simulated Asterisk over AMI: agent SIP/1001
 * on extension 1001 takes a call from queue 8001; the demo's supervisor client, on extension
 * 1010, spies on it. The spy call is checked where Asterisk has it (CoreShowChannels: ChanSpy and
 * its data), the supervisor's events (spystart, spyend) and the audit row.
 */
class SupervisorSpyIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1001", "demo");
    private static final String SUPERVISOR_EXTENSION = "1010";
    private static PbxHarness pbx;
    private EccpClient console;
    private EccpClient supervisor;
    private final LinkedBlockingQueue<XmlElement> consoleEvents = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<XmlElement> supervisorEvents = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        pbx = PbxHarness.start("sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @BeforeEach
    void agentAndSupervisorLoggedIn() {
        console = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        console.login("agentconsole", "agentconsole");
        console.onEvent(consoleEvents::add);
        assertEquals("logged-in", console.loginAgent(AGENT, "1001").text("status").orElseThrow());
        supervisor = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        supervisor.login("supervisor", "supervisor");
        supervisor.onEvent(supervisorEvents::add);
    }

    @AfterEach
    void loggedOut() {
        console.logoutAgent(AGENT);
        console.close();
        supervisor.close();
    }

    @Test
    void aSupervisorListensToAnAgentsCallAndStopsIt() throws Exception {
        linkedCall("042345690");

        EccpResponse answer = supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "listen");
        assertTrue(answer.isSuccess(), answer.body()::toString);
        String spyId = answer.text("spy_id").orElseThrow();
        pbx.simulator().advance(Duration.ofSeconds(2)); // the supervisor's phone answers after 1 s

        XmlElement started = await(supervisorEvents, "spystart");
        assertEquals("SIP/1001", started.childText("agent_number").orElseThrow());
        assertEquals(SUPERVISOR_EXTENSION, started.childText("extension").orElseThrow());
        assertEquals("listen", started.childText("mode").orElseThrow());
        assertEquals(spyId, started.childText("spy_id").orElseThrow());
        Map<String, String> spy = spyChannel(spyId).orElseThrow();
        assertEquals("ChanSpy", spy.get("Application"));
        assertEquals(agentLeg() + ",qdES", spy.get("ApplicationData"));
        assertTrue(spy.get("Channel").startsWith("Local/1010@agents-"), spy.toString());
        Awaits.until("audit row started", WAIT, () -> audit(spyId, "datetime_start") != null);
        assertEquals("supervisor", audit(spyId, "username"));
        assertEquals(SUPERVISOR_EXTENSION, audit(spyId, "extension"));
        assertEquals("SIP/1001", audit(spyId, "agent_number"));
        assertEquals("listen", audit(spyId, "mode"));

        assertTrue(supervisor.spyStop("SIP/1001").isSuccess());
        pbx.simulator().advance(Duration.ofSeconds(1));

        XmlElement ended = await(supervisorEvents, "spyend");
        assertEquals(spyId, ended.childText("spy_id").orElseThrow());
        Awaits.until("audit row ended", WAIT, () -> audit(spyId, "datetime_end") != null);
        assertTrue(spyChannel(spyId).isEmpty(), "the spy channel is gone");
        assertEquals("oncall", console.getAgentStatus("SIP/1001").text("status").orElseThrow(),
                "the agent's call goes on");
        assertTrue(consoleEvents.stream().noneMatch(e -> e.children().get(0).name().startsWith("spy")),
                "the agent's console is not told: " + consoleEvents);
        hangUpTheCall();
    }

    @Test
    void whisperTalksToTheAgentAndEndsWithTheAgentsCall() throws Exception {
        linkedCall("042345691");

        String spyId = supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "whisper").text("spy_id")
                .orElseThrow();
        pbx.simulator().advance(Duration.ofSeconds(2));

        assertEquals("whisper", await(supervisorEvents, "spystart").childText("mode").orElseThrow());
        assertEquals(agentLeg() + ",qwdES", spyChannel(spyId).orElseThrow().get("ApplicationData"));
        hangUpTheCall();

        // ChanSpy's E: the agent's leg went, so the spy call ends by itself.
        pbx.simulator().advance(Duration.ofSeconds(1));
        assertEquals(spyId, await(supervisorEvents, "spyend").childText("spy_id").orElseThrow());
        Awaits.until("audit row ended", WAIT, () -> audit(spyId, "datetime_end") != null);
        Awaits.until("spy channel gone", WAIT, () -> spyChannel(spyId).isEmpty());
    }

    @Test
    void bargeTalksToBoth() throws Exception {
        linkedCall("042345692");

        String spyId = supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "barge").text("spy_id").orElseThrow();
        pbx.simulator().advance(Duration.ofSeconds(2));

        assertEquals("barge", await(supervisorEvents, "spystart").childText("mode").orElseThrow());
        assertEquals(agentLeg() + ",qBdES", spyChannel(spyId).orElseThrow().get("ApplicationData"));
        assertTrue(supervisor.spyStop("SIP/1001").isSuccess());
        pbx.simulator().advance(Duration.ofSeconds(1));
        await(supervisorEvents, "spyend");
        hangUpTheCall();
    }

    @Test
    void spyagentAgainSwitchesTheModeInsideTheCallAndAuditsEachSwitch() throws Exception {
        linkedCall("042345694");
        String spyId = supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "listen").text("spy_id").orElseThrow();
        pbx.simulator().advance(Duration.ofSeconds(2));
        await(supervisorEvents, "spystart");
        assertEquals(Optional.of("listen"), pbx.simulator().chanSpyMode(spyId));

        EccpResponse whisper = supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "whisper");
        assertTrue(whisper.isSuccess(), whisper.body()::toString);
        assertEquals(spyId, whisper.text("spy_id").orElseThrow(), "the same session: the phone did not ring again");
        XmlElement changed = await(supervisorEvents, "spymode");
        assertEquals("whisper", changed.childText("mode").orElseThrow());
        assertEquals(spyId, changed.childText("spy_id").orElseThrow());
        assertEquals(Optional.of("whisper"), pbx.simulator().chanSpyMode(spyId), "ChanSpy heard DTMF 5");
        assertTrue(supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "barge").isSuccess());
        assertEquals("barge", await(supervisorEvents, "spymode").childText("mode").orElseThrow());
        assertEquals(Optional.of("barge"), pbx.simulator().chanSpyMode(spyId));
        assertEquals(409, supervisor.spyAgent("SIP/1001", "1009", "listen").failure().orElseThrow().code(),
                "another extension needs spystop first");

        assertTrue(supervisor.spyStop("SIP/1001").isSuccess());
        pbx.simulator().advance(Duration.ofSeconds(1));
        assertEquals("barge", await(supervisorEvents, "spyend").childText("mode").orElseThrow());
        Awaits.until("the barge row ended", WAIT, () -> audit(spyId + "/3", "datetime_end") != null);
        assertEquals("listen", audit(spyId, "mode"));
        assertEquals("Switched to whisper", audit(spyId, "end_cause"));
        assertEquals("whisper", audit(spyId + "/2", "mode"));
        assertEquals("Switched to barge", audit(spyId + "/2", "end_cause"));
        assertEquals("barge", audit(spyId + "/3", "mode"));
        assertEquals("supervisor", audit(spyId + "/3", "username"));
        assertTrue(consoleEvents.stream().noneMatch(e -> e.children().get(0).name().startsWith("spy")),
                "the agent's console is not told: " + consoleEvents);
        hangUpTheCall();
    }

    @Test
    void aClientThatIsNotASupervisorIsRefusedAndNoCallIsMade() throws Exception {
        linkedCall("042345693");
        int channels = pbx.simulator().channelNames().size();
        int rows = auditRows();

        EccpResponse refused = console.spyAgent("SIP/1001", "1002", "listen");

        assertEquals(403, refused.failure().orElseThrow().code());
        assertEquals("Client is not a supervisor", refused.failure().orElseThrow().message());
        pbx.simulator().advance(Duration.ofSeconds(2));
        assertEquals(channels, pbx.simulator().channelNames().size());
        assertEquals(rows, auditRows());
        hangUpTheCall();
    }

    @Test
    void badInputsAreRefusedAndNoCallIsMade() {
        int rows = auditRows();
        // The agent is idle: nothing to listen to.
        assertEquals(417, supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "listen").failure().orElseThrow()
                .code());
        assertEquals(400, supervisor.spyAgent("SIP/1001", SUPERVISOR_EXTENSION, "shout").failure().orElseThrow()
                .code());
        assertEquals(404, supervisor.spyAgent("SIP/1001", "4444", "listen").failure().orElseThrow().code());
        assertEquals(404, supervisor.spyAgent("SIP/1999", SUPERVISOR_EXTENSION, "listen").failure().orElseThrow()
                .code());
        assertEquals(417, supervisor.spyStop("SIP/1001").failure().orElseThrow().code());
        assertEquals(rows, auditRows());
        assertTrue(pbx.simulator().channelNames().stream().noneMatch(n -> n.startsWith("Local/1010@")));
    }

    /** A caller in queue 8001 answered by the agent. */
    private void linkedCall(String callerNumber) {
        pbx.simulator().inboundCall(callerNumber, "8001", Duration.ofSeconds(600));
        pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
        await(consoleEvents, "agentlinked");
    }

    private void hangUpTheCall() {
        assertTrue(console.hangup(AGENT).isSuccess());
        await(consoleEvents, "agentunlinked");
    }

    /** The agent's leg in its call, as dialerd follows it (AgentConnect's DestChannel). */
    private String agentLeg() {
        return channels().values().stream().filter(c -> c.get("Channel").startsWith("Local/1001@agents-")
                && c.get("Channel").endsWith(";1")).map(c -> c.get("Channel")).findFirst().orElseThrow();
    }

    private Optional<Map<String, String>> spyChannel(String spyId) {
        return Optional.ofNullable(channels().get(spyId));
    }

    /** Asterisk's channels by uniqueid, as CoreShowChannels lists them. */
    private static Map<String, Map<String, String>> channels() {
        PbxReply reply;
        try {
            reply = pbx.gateway().send(new PbxAction.CoreShowChannels()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("CoreShowChannels", e);
        }
        Map<String, Map<String, String>> byUniqueId = new LinkedHashMap<>();
        reply.items().forEach(item -> byUniqueId.put(item.get("Uniqueid"), item));
        return byUniqueId;
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static String audit(String spyId, String column) {
        return query("SELECT " + column + " FROM dialerd_supervisor_audit WHERE spy_id = ?", spyId);
    }

    private static int auditRows() {
        return Integer.parseInt(query("SELECT COUNT(*) FROM dialerd_supervisor_audit WHERE ? = ?", "1"));
    }

    private static String query(String sql, String parameter) {
        try (Connection c = pbx.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
