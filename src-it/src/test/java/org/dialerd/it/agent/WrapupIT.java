package org.dialerd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.Test;

/**
 * After-call work end to end over the simulator: after each call the agent is paused in Asterisk
 * with the reason Wrapup for its queue's or campaign's time, getagentstatus shows the wrap-up,
 * wrapupstart and wrapupend go to the console and an audit row of the Wrapup break is written;
 * then the agent is unpaused. endwrapup and logout end it early; it survives an AMI reconnection
 * and a dialerd kill and restart. A wrap-up ends when dialerd's clock, the PBX's virtual one,
 * reaches its end (the engine's timer, on real time, waits for that too): each test moves the PBX's
 * clock past the wrap-up when it wants it over, so nothing here depends on how fast the machine
 * answers. The times are a few seconds, since the timer also waits them in real time.
 */
class WrapupIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");
    private static final String MEMBER_1001 = "Local/1001@agents";
    /** SIP/1001's agent.id in the demo data. */
    private static final int AGENT_1001 = 6;

    @Test
    void incomingCallsWrapupEndsByItselfByEndwrapupAndByLogout() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql", "sql/wrapup-short.sql");
             EccpClient eccp = console(pbx)) {
            LinkedBlockingQueue<XmlElement> events = events(eccp);
            assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());

            callEnds(pbx, events, "5558001");
            XmlElement start = await(events, "wrapupstart");
            assertEquals("2", start.childText("wrapup_seconds").orElseThrow());
            assertEquals("incoming", start.childText("calltype").orElseThrow());
            assertEquals("8001", start.childText("queue").orElseThrow());
            EccpResponse status = eccp.getAgentStatus("SIP/1001");
            assertEquals("paused", status.text("status").orElseThrow());
            XmlElement wrapup = status.body().child("wrapup").orElseThrow();
            assertTrue(Integer.parseInt(wrapup.childText("secondsleft").orElseThrow()) <= 2, wrapup.toString());
            assertFalse(status.body().child("pauseinfo").isPresent(), "a wrap-up is no break");
            // wrapupstart goes out as the pause is sent, not once Asterisk has answered it
            Awaits.until("paused for the wrap-up in Asterisk", WAIT,
                    () -> "Wrapup".equals(reasonInAsterisk(pbx, "8001")) && "Wrapup".equals(reasonInAsterisk(pbx, "8000")));
            Awaits.until("wrap-up row open", WAIT, () -> openWrapupRows(pbx) == 1);
            pbx.simulator().advance(Duration.ofSeconds(2)); // dialerd's clock is the PBX's: the wrap-up's time is over

            XmlElement end = await(events, "wrapupend");
            assertEquals("timeout", end.childText("ended_by").orElseThrow());
            // wrapupend goes out as the unpause is sent, not once Asterisk has answered it
            Awaits.until("unpaused in Asterisk", WAIT, () -> !pausedInAsterisk(pbx, "8001"));
            assertEquals("", reasonInAsterisk(pbx, "8001"));
            assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
            assertFalse(eccp.getAgentStatus("SIP/1001").body().child("wrapup").isPresent());
            Awaits.until("wrap-up row closed", WAIT, () -> openWrapupRows(pbx) == 0);
            assertEquals("2", Sql.value(pbx.dataSource(), "SELECT TIME_TO_SEC(duration) FROM audit WHERE id_agent = ? "
                    + "AND id_break = (SELECT id FROM break WHERE name = 'Wrapup' AND tipo = 'H')", AGENT_1001));

            callEnds(pbx, events, "5558002");
            await(events, "wrapupstart");
            assertTrue(eccp.endWrapup(SIP_1001).isSuccess());
            assertEquals("endwrapup", await(events, "wrapupend").childText("ended_by").orElseThrow());
            assertFalse(pausedInAsterisk(pbx, "8001"));
            assertEquals(417, eccp.endWrapup(SIP_1001).failure().orElseThrow().code(), "no wrap-up to end");

            callEnds(pbx, events, "5558003");
            await(events, "wrapupstart");
            eccp.logoutAgent(SIP_1001);
            assertEquals("logout", await(events, "wrapupend").childText("ended_by").orElseThrow());
            Awaits.until("every row of the agent closed", WAIT, () -> "0".equals(Sql.value(pbx.dataSource(),
                    "SELECT COUNT(*) FROM audit WHERE id_agent = ? AND datetime_end IS NULL", AGENT_1001)));
            assertEquals("3", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM audit WHERE id_agent = ? AND id_break = "
                    + "(SELECT id FROM break WHERE name = 'Wrapup' AND tipo = 'H')", AGENT_1001), "one row per wrap-up");
        }
    }

    @Test
    void campaignCallGetsTheCampaignsOwnWrapup() throws Exception {
        try (PbxHarness pbx = PbxHarness.startWithDialer("sql/demo-data.sql", "sql/wrapup-short.sql");
             EccpClient eccp = console(pbx)) {
            LinkedBlockingQueue<XmlElement> events = events(eccp);
            assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
            Awaits.until("the originate reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("@customers")));
            pbx.simulator().advance(Duration.ofSeconds(5)); // the customer answers after 2 s, the agent after 1 s
            assertEquals("outgoing", await(events, "agentlinked").childText("calltype").orElseThrow());
            pbx.simulator().advance(Duration.ofSeconds(25)); // the customer talks 20 s and hangs up
            await(events, "agentunlinked");

            XmlElement start = await(events, "wrapupstart");
            assertEquals("1", start.childText("wrapup_seconds").orElseThrow(), "the campaign's, not queue 8000's 30 s");
            assertEquals("1", start.childText("campaign_id").orElseThrow());
            assertEquals("paused", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
            pbx.simulator().advance(Duration.ofSeconds(1));
            assertEquals("timeout", await(events, "wrapupend").childText("ended_by").orElseThrow());
            eccp.pauseAgent(SIP_1002, 2); // no further campaign calls before the logout
            eccp.logoutAgent(SIP_1002);
        }
    }

    @Test
    void wrapupGoesOnAcrossAnAmiReconnection() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql", "sql/wrapup-long.sql");
             EccpClient eccp = console(pbx)) {
            LinkedBlockingQueue<XmlElement> events = events(eccp);
            assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
            callEnds(pbx, events, "5558011");
            await(events, "wrapupstart");
            Awaits.until("paused in Asterisk", WAIT, () -> pausedInAsterisk(pbx, "8001"));

            pbx.simulator().dropConnections();
            Awaits.until("AMI down", WAIT, () -> !pbx.gateway().isConnected());
            Awaits.until("AMI up again", WAIT, () -> pbx.gateway().isConnected());

            assertTrue(eccp.getAgentStatus("SIP/1001").body().child("wrapup").isPresent(), "still in wrap-up");
            assertTrue(pausedInAsterisk(pbx, "8001"));
            pbx.simulator().advance(Duration.ofSeconds(3)); // wrapup-long.sql: 3 s
            assertEquals("timeout", await(events, "wrapupend").childText("ended_by").orElseThrow(),
                    "the resync left it running; its time ended it");
            Awaits.until("unpaused in Asterisk", WAIT, () -> !pausedInAsterisk(pbx, "8001"));
            eccp.logoutAgent(SIP_1001);
        }
    }

    @Test
    void wrapupGoesOnAcrossADialerdKillAndRestartAndStillEnds() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql", "sql/wrapup-long.sql")) {
            try (EccpClient eccp = console(pbx)) {
                LinkedBlockingQueue<XmlElement> events = events(eccp);
                assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
                callEnds(pbx, events, "5558021");
                await(events, "wrapupstart");
                Awaits.until("wrap-up row written", WAIT, () -> openWrapupRows(pbx) == 1);
            }

            pbx.killDialerd();
            assertTrue(pausedInAsterisk(pbx, "8001"), "Asterisk keeps the pause while dialerd is down");
            pbx.startDialerd();

            try (EccpClient eccp = console(pbx)) {
                LinkedBlockingQueue<XmlElement> events = events(eccp);
                Awaits.until("wrap-up taken over", WAIT,
                        () -> eccp.getAgentStatus("SIP/1001").body().child("wrapup").isPresent());
                assertEquals("paused", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
                assertEquals(1, openWrapupRows(pbx), "the previous run's row continues");
                pbx.simulator().advance(Duration.ofSeconds(3)); // wrapup-long.sql: 3 s

                Awaits.until("unpaused in Asterisk when its time is over", WAIT, () -> !pausedInAsterisk(pbx, "8001"));
                assertEquals("timeout", await(events, "wrapupend").childText("ended_by").orElseThrow());
                assertEquals("online", eccp.getAgentStatus("SIP/1001").text("status").orElseThrow());
                Awaits.until("wrap-up row closed", WAIT, () -> openWrapupRows(pbx) == 0);
                assertEquals("1", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM audit WHERE id_agent = ? AND "
                        + "id_break = (SELECT id FROM break WHERE name = 'Wrapup')", AGENT_1001), "one wrap-up, one row");
                eccp.logoutAgent(SIP_1001);
            }
        }
    }

    /** An incoming call to 8001 reaches SIP/1001 and the caller hangs up 10 s later. */
    private static void callEnds(PbxHarness pbx, LinkedBlockingQueue<XmlElement> events, String caller) {
        pbx.simulator().inboundCall(caller, "8001", Duration.ofSeconds(10));
        pbx.simulator().advance(Duration.ofSeconds(3));
        assertEquals("SIP/1001", await(events, "agentlinked").childText("agent_number").orElseThrow());
        pbx.simulator().advance(Duration.ofSeconds(10));
        await(events, "agentunlinked");
    }

    private static boolean pausedInAsterisk(PbxHarness pbx, String queue) {
        return pbx.simulator().inPbx(p -> p.queues().find(queue).orElseThrow().member(MEMBER_1001).orElseThrow()
                .paused());
    }

    private static String reasonInAsterisk(PbxHarness pbx, String queue) {
        return pbx.simulator().inPbx(p -> p.queues().find(queue).orElseThrow().member(MEMBER_1001).orElseThrow()
                .pausedReason());
    }

    private static int openWrapupRows(PbxHarness pbx) {
        return Integer.parseInt(Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM audit WHERE id_agent = ? AND "
                + "datetime_end IS NULL AND id_break = (SELECT id FROM break WHERE name = 'Wrapup' AND tipo = 'H')",
                AGENT_1001));
    }

    private static LinkedBlockingQueue<XmlElement> events(EccpClient eccp) {
        LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
        eccp.onEvent(events::add);
        return events;
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static EccpClient console(PbxHarness pbx) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        return eccp;
    }
}
