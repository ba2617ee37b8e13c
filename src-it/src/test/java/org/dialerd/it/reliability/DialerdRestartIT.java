package org.dialerd.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.Test;

/**
 * dialerd killed without shutdown (kill -9) while agents work, then started again: state is
 * rebuilt from Asterisk over real AMI, the pause state comes back with its break, the audit
 * rows continue (one session stays one row), and no row is left open for an agent who left
 * while dialerd was down.
 */
class DialerdRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT_9000 = new AgentCredentials("Agent/9000", "demo");
    private static final AgentCredentials AGENT_9001 = new AgentCredentials("Agent/9001", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");

    @Test
    void restartAfterAKillTakesAgentsOverWithTheirBreaksAndContinuesTheirAuditRows() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql")) {
            try (EccpClient eccp = console(pbx)) {
                loginStatic(pbx, eccp, AGENT_9000, "1001");
                loginStatic(pbx, eccp, AGENT_9001, "1003");
                assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
                assertTrue(eccp.pauseAgent(AGENT_9000, 2).isSuccess());
                Awaits.until("3 sessions and a break written", WAIT, () -> count(pbx, "1 = 1") == 4);
            }

            pbx.killDialerd();
            // While dialerd is down, agent 9001 logs off on its phone.
            pbx.simulator().withPbx(p -> p.agents().logoffAction("9001", false));
            pbx.startDialerd();

            try (EccpClient eccp = console(pbx)) {
                Awaits.until("Agent/9000 taken over", WAIT, () -> status(eccp, "Agent/9000").equals("paused"));
                EccpResponse paused = eccp.getAgentStatus("Agent/9000");
                assertEquals(Optional.of("Lunch"), paused.body().child("pauseinfo").orElseThrow()
                        .childText("pausename"), "the break comes back by the reason Asterisk has");
                Awaits.until("SIP/1002 taken over", WAIT, () -> status(eccp, "SIP/1002").equals("online"));
                assertEquals(Optional.of("1002"), eccp.getAgentStatus("SIP/1002").text("extension"));
                assertEquals("offline", status(eccp, "Agent/9001"));

                Awaits.until("9001's session closed", WAIT, () -> count(pbx, "id_agent = 2 AND datetime_end IS NULL")
                        == 0);
                assertEquals(1, count(pbx, "id_agent = 1 AND id_break IS NULL"), "one session row, not two");
                assertEquals(1, count(pbx, "id_agent = 1 AND id_break = 2 AND datetime_end IS NULL"),
                        "the break row continues");
                assertEquals(1, count(pbx, "id_agent = 7"));

                assertTrue(eccp.unpauseAgent(AGENT_9000).isSuccess());
                boolean pausedThere = pbx.simulator().inPbx(p -> p.queues().find("8000").orElseThrow()
                        .member("Local/9000@agent-request").orElseThrow().paused());
                assertFalse(pausedThere, "unpaused in Asterisk too");
                Awaits.until("break row closed", WAIT, () -> count(pbx, "id_agent = 1 AND id_break = 2 "
                        + "AND datetime_end IS NOT NULL") == 1);
                assertEquals(1, count(pbx, "id_agent = 1 AND id_break IS NULL AND datetime_end IS NULL"));

                eccp.logoutAgent(AGENT_9000);
                eccp.logoutAgent(SIP_1002);
                Awaits.until("no open audit row left", WAIT, () -> count(pbx, "datetime_end IS NULL") == 0);
                assertEquals(4, count(pbx, "1 = 1"), "every row continued or closed, none added");
            }
        }
    }

    @Test
    void agentsWhoLeftWhileDialerdWasDownHaveTheirRowsClosedAtTheLastKnownTime() throws Exception {
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql")) {
            try (EccpClient eccp = console(pbx)) {
                loginStatic(pbx, eccp, AGENT_9000, "1001");
                assertTrue(eccp.pauseAgent(AGENT_9000, 3).isSuccess());
                Awaits.until("session and break written", WAIT, () -> count(pbx, "1 = 1") == 2);
            }
            String breakStart = Sql.value(pbx.dataSource(), "SELECT datetime_init FROM audit WHERE id_break = 3 AND datetime_init >= CURDATE()");

            pbx.killDialerd();
            pbx.simulator().advance(Duration.ofMinutes(5));
            pbx.simulator().withPbx(p -> p.agents().logoffAction("9000", false));
            pbx.startDialerd();

            Awaits.until("rows closed", WAIT, () -> count(pbx, "datetime_end IS NULL") == 0);
            assertEquals(List.of(breakStart, breakStart), Sql.rows(pbx.dataSource(),
                    "SELECT datetime_end FROM audit WHERE id_agent = 1 AND datetime_init >= CURDATE() ORDER BY id"),
                    "ended at the last time dialerd knew of (the break's start), not 5 minutes later");
        }
    }

    @Test
    void callsStillUpAreFollowedAgainAndCallsThatEndedMeanwhileAreFinished() throws Exception {
        AgentCredentials sip1001 = new AgentCredentials("SIP/1001", "demo");
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql")) {
            String stays;
            String ends;
            try (EccpClient eccp = console(pbx)) {
                java.util.concurrent.LinkedBlockingQueue<org.dialerd.eccp.xml.XmlElement> events =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                eccp.onEvent(events::add);
                assertEquals("logged-in", eccp.loginAgent(sip1001, "1001").text("status").orElseThrow());
                pbx.simulator().inboundCall("5557101", "8001", Duration.ofMinutes(5));
                pbx.simulator().advance(Duration.ofSeconds(3));
                stays = org.dialerd.it.EventWaits.await(events, "agentlinked", WAIT).childText("call_id").orElseThrow();
                assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
                pbx.simulator().inboundCall("5557102", "8001", Duration.ofSeconds(20));
                pbx.simulator().advance(Duration.ofSeconds(3));
                ends = org.dialerd.it.EventWaits.await(events, "agentlinked", WAIT).childText("call_id").orElseThrow();
                Awaits.until("both calls active in the database", WAIT, () -> "2".equals(Sql.value(pbx.dataSource(),
                        "SELECT COUNT(*) FROM call_entry WHERE status = 'activa' AND id IN (?, ?)", stays, ends)));
            }

            pbx.killDialerd();
            pbx.simulator().advance(Duration.ofSeconds(20)); // the second caller hangs up meanwhile
            pbx.startDialerd();

            try (EccpClient eccp = console(pbx)) {
                java.util.concurrent.LinkedBlockingQueue<org.dialerd.eccp.xml.XmlElement> events =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                eccp.onEvent(events::add);
                Awaits.until("the call ended meanwhile is finished", WAIT, () -> "terminada".equals(
                        Sql.value(pbx.dataSource(), "SELECT status FROM call_entry WHERE id = ?", ends)));
                Awaits.until("SIP/1001 on its call again", WAIT, () -> status(eccp, "SIP/1001").equals("oncall"));
                assertEquals(stays, eccp.getAgentStatus("SIP/1001").body().child("callinfo").orElseThrow()
                        .childText("callid").orElseThrow());
                assertEquals("online", status(eccp, "SIP/1002"));

                pbx.simulator().advance(Duration.ofMinutes(5)); // the first caller hangs up
                // (the call that ended meanwhile may have sent its agentunlinked to this console too)
                Awaits.until("agentunlinked of the followed call", WAIT, () -> events.stream()
                        .map(e -> e.children().get(0)).anyMatch(b -> b.name().equals("agentunlinked")
                                && b.childText("call_id").orElse("").equals(stays)));
                Awaits.until("the followed call finished", WAIT, () -> "terminada".equals(
                        Sql.value(pbx.dataSource(), "SELECT status FROM call_entry WHERE id = ?", stays)));
                assertEquals("0", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM current_call_entry"));
                eccp.logoutAgent(sip1001);
                eccp.logoutAgent(SIP_1002);
            }
        }
    }

    /**
     * The hold that survives a kill is in crash/KillDuringOutageIT (a real kill -9); here the
     * other case, on the PBX's virtual clock: the parked caller hangs up while dialerd is down.
     */
    @Test
    void aHoldWhoseCallerHungUpWhileDialerdWasDownEndsAtTheLastKnownTimeAndTheAgentIsUnpaused() throws Exception {
        AgentCredentials sip1001 = new AgentCredentials("SIP/1001", "demo");
        try (PbxHarness pbx = PbxHarness.start("sql/demo-data.sql")) {
            String callId;
            try (EccpClient eccp = console(pbx)) {
                java.util.concurrent.LinkedBlockingQueue<org.dialerd.eccp.xml.XmlElement> events =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                eccp.onEvent(events::add);
                assertEquals("logged-in", eccp.loginAgent(sip1001, "1001").text("status").orElseThrow());
                pbx.simulator().inboundCall("5557201", "8001", Duration.ofSeconds(30));
                pbx.simulator().advance(Duration.ofSeconds(3));
                callId = org.dialerd.it.EventWaits.await(events, "agentlinked", WAIT).childText("call_id")
                        .orElseThrow();
                assertTrue(eccp.hold(sip1001).isSuccess());
                pbx.simulator().advance(Duration.ofSeconds(1)); // parked: the hold row is written
                Awaits.until("the hold row", WAIT, () -> count(pbx, "id_agent = 6 AND id_break = 1") == 1);
            }
            String holdStart = Sql.value(pbx.dataSource(), "SELECT datetime_init FROM audit WHERE id_agent = 6 "
                    + "AND id_break = 1 AND datetime_init >= CURDATE()");

            pbx.killDialerd();
            pbx.simulator().advance(Duration.ofSeconds(60)); // the parked caller gives up meanwhile
            pbx.startDialerd();

            try (EccpClient eccp = console(pbx)) {
                Awaits.until("the hold row closed", WAIT, () -> count(pbx, "id_agent = 6 AND id_break = 1 "
                        + "AND datetime_end IS NOT NULL") == 1);
                assertEquals(holdStart, Sql.value(pbx.dataSource(), "SELECT datetime_end FROM audit WHERE id_agent = 6 "
                        + "AND id_break = 1 AND datetime_init >= CURDATE()"), "ended at the last time known");
                Awaits.until("SIP/1001 online", WAIT, () -> status(eccp, "SIP/1001").equals("online"));
                assertEquals("0", eccp.getAgentStatus("SIP/1001").text("onhold").orElseThrow());
                Awaits.until("unpaused in Asterisk", WAIT, () -> !pbx.simulator().inPbx(p -> p.queues().find("8001")
                        .orElseThrow().member("Local/1001@agents").orElseThrow().paused()));
                Awaits.until("the call finished", WAIT, () -> "terminada".equals(Sql.value(pbx.dataSource(),
                        "SELECT status FROM call_entry WHERE id = ?", callId)));
                assertEquals(1, count(pbx, "id_agent = 6 AND id_break IS NULL AND datetime_end IS NULL"),
                        "the session continues");
                eccp.logoutAgent(sip1001);
            }
        }
    }

    private static void loginStatic(PbxHarness pbx, EccpClient eccp, AgentCredentials agent, String extension) {
        assertEquals("logging", eccp.loginAgent(agent, extension).text("status").orElseThrow());
        pbx.simulator().advance(Duration.ofSeconds(2)); // the phone answers, AgentLogin runs
        Awaits.until(agent.agentNumber() + " online", WAIT, () -> status(eccp, agent.agentNumber()).equals("online"));
    }

    private static EccpClient console(PbxHarness pbx) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        return eccp;
    }

    private static String status(EccpClient eccp, String agent) {
        return eccp.getAgentStatus(agent).text("status").orElse("");
    }

    private static int count(PbxHarness pbx, String condition) {
        return Integer.parseInt(Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM audit WHERE datetime_init >= CURDATE() "
                + "AND " + condition));
    }
}
