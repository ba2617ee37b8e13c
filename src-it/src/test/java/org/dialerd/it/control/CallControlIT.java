package org.dialerd.it.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.handler.control.RecordingMute;
import org.dialerd.eccp.handler.control.Transfer;
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
 * Call control on a live incoming call: SIP/1001 logs in on extension 1001, a caller enters
 * queue 8001 and is linked to the agent; then hangup, transfercall, mixmonitormute with a
 * timeout and getchanvars act on that call through the simulated Asterisk.
 */
class CallControlIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1001", "demo");
    private static PbxHarness pbx;
    private EccpClient eccp;
    private final LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        pbx = PbxHarness.start("sql/demo-data.sql");
        // FreePBX's context for internal calls, where transfers are dialled.
        pbx.simulator().withPbx(p -> p.dialplan().context(Transfer.TRANSFER_CONTEXT)
                .exten("_1XXX", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()"));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @BeforeEach
    void agentLoggedIn() {
        eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        eccp.onEvent(events::add);
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1001").text("status").orElseThrow());
    }

    @AfterEach
    void agentLoggedOut() {
        RecordingMute.useDelayer(null);
        eccp.logoutAgent(AGENT);
        eccp.close();
    }

    @Test
    void hangupEndsTheCallAndFreesTheAgent() throws Exception {
        String callId = linkedCall("042345678");
        assertSuccess(eccp.hangup(AGENT));
        assertEquals(callId, await("agentunlinked").childText("call_id").orElseThrow());
        Awaits.until("call finished in the database", WAIT,
                () -> "terminada".equals(column("SELECT status FROM call_entry WHERE id = ?", callId)));
        assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
        assertEquals(417, eccp.hangup(AGENT).failure().orElseThrow().code());
    }

    @Test
    void transferCallRedirectsTheCustomerAndFreesTheAgentAtOnce() throws Exception {
        String callId = linkedCall("042345679", Duration.ofSeconds(60));
        assertSuccess(eccp.transferCall(AGENT, "1002"));
        assertEquals(callId, await("agentunlinked").childText("call_id").orElseThrow());
        assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
        Awaits.until("call finished with its transfer", WAIT, () -> "1002".equals(
                column("SELECT transfer FROM call_entry WHERE id = ? AND status = 'terminada'", callId)));
        pbx.simulator().advance(Duration.ofSeconds(2)); // extension 1002 answers after 1 s
        Awaits.until("customer dialled to 1002", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.startsWith("Local/1002@agents-")));
        pbx.simulator().advance(Duration.ofSeconds(60)); // the customer hangs up: nothing more for dialerd
        Awaits.until("transfer target idle", WAIT, () -> pbx.simulator().channelNames().stream()
                .noneMatch(name -> name.startsWith("Local/1002@agents-")));
        assertEquals("terminada", column("SELECT status FROM call_entry WHERE id = ?", callId));
    }

    @Test
    void atxferCallDialsTheExtensionFromTheAgentsLeg() throws Exception {
        linkedCall("042345682", Duration.ofSeconds(60));
        assertSuccess(eccp.atxferCall(AGENT, "1002"));
        pbx.simulator().advance(Duration.ofSeconds(1));
        Awaits.until("consultation call to 1002", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.startsWith("Local/1002@agents-")));
        assertSuccess(eccp.hangup(AGENT));
        pbx.simulator().advance(Duration.ofSeconds(1));
        await("agentunlinked");
        // The consultation between the agent's phone and 1002 is still up: end it, so the next
        // test's call can reach the agent (ringinuse=no).
        pbx.gateway().send(new org.dialerd.core.pbx.PbxAction.Hangup("/^Local\\/100[12]@agents-/", 16))
                .get(10, TimeUnit.SECONDS);
        pbx.simulator().advance(Duration.ofSeconds(1));
        Awaits.until("phones idle", WAIT, () -> pbx.simulator().channelNames().stream()
                .noneMatch(name -> name.startsWith("Local/1002@agents-") || name.startsWith("Local/1001@agents-")));
    }

    @Test
    void atxferToAnExtensionThatDoesNotExistTellsTheAgentAndLeavesTheCallWithIt() throws Exception {
        String callId = linkedCall("042345683");
        assertSuccess(eccp.atxferCall(AGENT, "5555")); // Asterisk takes the Atxfer; its outcome comes later

        // The digits, then Asterisk's digit timeout (6.5 s): time moves on in steps while dialerd follows.
        Awaits.until("atxferfailed", WAIT, () -> {
            pbx.simulator().advance(Duration.ofMillis(500));
            return events.stream().anyMatch(e -> e.children().get(0).name().equals("atxferfailed"));
        });
        XmlElement failed = await("atxferfailed");
        assertEquals("SIP/1001", failed.childText("agent_number").orElseThrow());
        assertEquals("5555", failed.childText("extension").orElseThrow());
        assertEquals(callId, failed.childText("call_id").orElseThrow());
        assertEquals("oncall", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow(), "the call is still its");
        assertSuccess(eccp.hangup(AGENT));
        assertEquals(callId, await("agentunlinked").childText("call_id").orElseThrow());
    }

    @Test
    void completedAtxferEndsTheAgentsCallWithItsDestination() throws Exception {
        String callId = linkedCall("042345684", Duration.ofSeconds(120));
        assertSuccess(eccp.atxferCall(AGENT, "1002"));
        pbx.simulator().advance(Duration.ofSeconds(3)); // 1002 answers the consultation
        Awaits.until("consultation with 1002", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.startsWith("Local/1002@agents-")));
        String transferer = pbx.simulator().channelNames().stream()
                .filter(name -> name.startsWith("Local/1001@agents-") && name.endsWith(";1")).findFirst().orElseThrow();

        // The agent completes the transfer the Asterisk way: it hangs up (trace 10, A).
        pbx.gateway().send(new org.dialerd.core.pbx.PbxAction.Hangup(transferer, 16)).get(10, TimeUnit.SECONDS);
        pbx.simulator().advance(Duration.ofSeconds(1));

        assertEquals(callId, await("agentunlinked").childText("call_id").orElseThrow());
        Awaits.until("call finished with its transfer", WAIT, () -> "1002".equals(
                column("SELECT transfer FROM call_entry WHERE id = ? AND status = 'terminada'", callId)));
        assertTrue(events.stream().noneMatch(e -> e.children().get(0).name().equals("atxferfailed")));
        pbx.gateway().send(new org.dialerd.core.pbx.PbxAction.Hangup("/^Local\\/100[12]@agents-/", 16))
                .get(10, TimeUnit.SECONDS);
        pbx.simulator().advance(Duration.ofSeconds(1));
        Awaits.until("phones idle", WAIT, () -> pbx.simulator().channelNames().stream()
                .noneMatch(name -> name.startsWith("Local/1002@agents-") || name.startsWith("Local/1001@agents-")));
    }

    @Test
    void muteWithTimeoutIsUndoneAutomatically() throws Exception {
        RecordingMute.useDelayer(delay -> CompletableFuture.delayedExecutor(delay.toMillis() / 100,
                TimeUnit.MILLISECONDS));
        String callId = linkedCall("042345680");
        assertSuccess(eccp.mixMonitorMute(AGENT, 10));
        XmlElement muted = await("recordingmute");
        assertEquals("SIP/1001", muted.childText("agent_number").orElseThrow());
        assertEquals("incoming", muted.childText("calltype").orElseThrow());
        assertEquals(callId, muted.childText("call_id").orElseThrow());
        assertEquals(callId, await("recordingunmute").childText("call_id").orElseThrow());
        assertSuccess(eccp.mixMonitorUnmute(AGENT));
        assertEquals(callId, await("recordingunmute").childText("call_id").orElseThrow());
        assertSuccess(eccp.hangup(AGENT));
        await("agentunlinked");
    }

    @Test
    void getChanVarsListsTheCustomerChannelsVariables() throws Exception {
        linkedCall("042345681");
        String remote = eccp.getAgentStatus("SIP/1001").text("remote_channel").orElseThrow();
        pbx.gateway().send(new org.dialerd.core.pbx.PbxAction.SetVar(remote, "CRM_ID", "42")).get(10, TimeUnit.SECONDS);
        EccpResponse answer = eccp.getChanVars(AGENT);
        assertEquals(remote, answer.text("clientchannel").orElseThrow());
        boolean listed = answer.body().child("chanvars").orElseThrow().children().stream()
                .anyMatch(v -> v.childText("label").orElse("").equals("CRM_ID")
                        && v.childText("value").orElse("").equals("42"));
        assertTrue(listed, answer.body().toString());
        assertSuccess(eccp.hangup(AGENT));
        await("agentunlinked");
    }

    /** A caller in queue 8001 answered by the agent; returns the call_id of agentlinked. */
    private String linkedCall(String callerNumber) throws InterruptedException {
        return linkedCall(callerNumber, Duration.ofSeconds(600));
    }

    private String linkedCall(String callerNumber, Duration patience) throws InterruptedException {
        pbx.simulator().inboundCall(callerNumber, "8001", patience);
        pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
        return await("agentlinked").childText("call_id").orElseThrow();
    }

    private static void assertSuccess(EccpResponse response) {
        assertTrue(response.isSuccess(), () -> "failed: " + response.body());
    }

    private XmlElement await(String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static String column(String sql, String parameter) {
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
