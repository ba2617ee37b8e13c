package org.dialerd.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.sim.fault.AmiFaults;
import org.junit.jupiter.api.Test;

/**
 * Events lost while the AMI connection stays up (nothing reconnects, so no resync after a
 * connection would ever come): the periodic resync finds within one interval what Asterisk no
 * longer has. And the AMI's own faults, lost and orphan responses, move their counters in
 * /metrics, as do the resync's runs and corrections.
 */
class PeriodicResyncIT {
    /** Real time: the engine's scheduler runs on the wall clock. */
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT_9000 = new AgentCredentials("Agent/9000", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCallWhoseEndEventsAndAnAgentWhoseLogoffWereLostAreSetRightWithinOneInterval() throws Exception {
        try (PbxHarness pbx = PbxHarness.startResyncingEvery(INTERVAL, ami -> ami, "sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            List<XmlElement> events = new CopyOnWriteArrayList<>();
            eccp.onEvent(events::add);
            loginStatic(pbx, eccp, AGENT_9000, "1001");
            pbx.simulator().inboundCall("5557001", "8001", Duration.ofSeconds(10));
            pbx.simulator().advance(Duration.ofSeconds(3));
            assertEquals("Agent/9000", EventWaits.await(events, "agentlinked", WAIT).childText("agent_number")
                    .orElseThrow());
            long connectedBefore = pbx.gateway().isConnected() ? reconnects(pbx) : -1;
            AmiFaults faults = AmiFaults.seeded(11).loseEvents("Hangup", 1.0).loseEvents("AgentComplete", 1.0)
                    .loseEvents("AgentLogoff", 1.0);
            pbx.simulator().faults(faults);
            events.clear();

            pbx.simulator().advance(Duration.ofSeconds(8)); // the caller hangs up; dialerd hears nothing of it
            long hungUp = System.nanoTime();
            Awaits.until("the call's end events lost", WAIT, () -> faults.lostEvents() >= 2);

            XmlElement unlinked = EventWaits.await(events, "agentunlinked", WAIT);
            assertTrue(System.nanoTime() - hungUp < INTERVAL.multipliedBy(3).toNanos(),
                    "ended within about one interval");
            assertEquals("Agent/9000", unlinked.childText("agent_number").orElseThrow());
            Awaits.until("the call row final", WAIT, () -> "terminada".equals(Sql.value(pbx.dataSource(),
                    "SELECT status FROM call_entry WHERE callerid = '5557001'")));
            Awaits.until("its progress log complete", WAIT, () -> "OnQueue,Success,Hangup".equals(Sql.value(
                    pbx.dataSource(), "SELECT GROUP_CONCAT(new_status ORDER BY id) FROM call_progress_log WHERE "
                            + "id_call_incoming = (SELECT id FROM call_entry WHERE callerid = '5557001')")));
            assertEquals("0", Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM current_call_entry"));
            assertEquals("online", eccp.getAgentStatus("Agent/9000").text("status").orElseThrow());

            // The agent logs off on the PBX; its AgentLogoff and its channel's Hangup are lost.
            long lostBefore = faults.lostEvents();
            pbx.simulator().withPbx(p -> p.agents().logoffAction("9000", false));
            pbx.simulator().advance(Duration.ofMillis(100));
            Awaits.until("the logoff lost", WAIT, () -> faults.lostEvents() > lostBefore);

            EventWaits.await(events, "agentloggedout", WAIT);
            assertEquals("offline", eccp.getAgentStatus("Agent/9000").text("status").orElseThrow());
            Awaits.until("no audit row left open", WAIT, () -> "0".equals(Sql.value(pbx.dataSource(),
                    "SELECT COUNT(*) FROM audit WHERE datetime_end IS NULL")));
            assertEquals(connectedBefore, reconnects(pbx), "the AMI connection stayed up all along");

            assertTrue(metric(pbx, "dialerd_resync_runs_total{trigger=\"periodic\"}") >= 2);
            assertEquals(1, metric(pbx, "dialerd_resync_corrections_total{kind=\"call_ended\"}"));
            assertEquals(1, metric(pbx, "dialerd_resync_corrections_total{kind=\"agent_logged_out\"}"));
        }
    }

    @Test
    void lostLateAndOrphanResponsesMoveTheirCountersInMetrics() throws Exception {
        try (PbxHarness pbx = PbxHarness.startResyncingEvery(Duration.ZERO,
                ami -> ami.withActionTimeout(Duration.ofSeconds(1)), "sql/demo-data.sql");
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
            Awaits.until("SIP/1002 in its queues", WAIT, () -> eccp.getAgentQueues("SIP/1002").body().child("queues")
                    .map(q -> q.children().size()).orElse(0) == 2);
            assertEquals(0, metric(pbx, "dialerd_ami_responses_dropped_total{reason=\"unknown\"}"));
            assertEquals(0, metric(pbx, "dialerd_ami_responses_dropped_total{reason=\"late\"}"));

            // Lost: the QueuePause answer never comes; the action times out.
            pbx.simulator().faults(AmiFaults.seeded(3).loseNextResponse("QueuePause"));
            assertEquals(500, eccp.pauseAgent(SIP_1002, 2).failure().orElseThrow().code());
            assertEquals(1, metric(pbx, "dialerd_ami_action_timeouts_total{action=\"QueuePause\"}"));

            pbx.simulator().faults(AmiFaults.seeded(4));
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess());

            // Late and orphan: the next pause's answer comes after its timeout, and a stray one with it.
            pbx.simulator().faults(AmiFaults.seeded(5).delayResponses("QueuePause", 1.0, Duration.ofSeconds(3))
                    .orphanResponses(1.0));
            assertEquals(500, eccp.pauseAgent(SIP_1002, 2).failure().orElseThrow().code());
            pbx.simulator().advance(Duration.ofSeconds(3));

            Awaits.until("late response in /metrics", WAIT, () -> metricQuietly(pbx,
                    "dialerd_ami_responses_dropped_total{reason=\"late\"}") == 1);
            Awaits.until("orphans in /metrics", WAIT, () -> metricQuietly(pbx,
                    "dialerd_ami_responses_dropped_total{reason=\"unknown\"}") >= 1);
            assertEquals(2, metric(pbx, "dialerd_ami_action_timeouts_total{action=\"QueuePause\"}"));
            assertEquals(pbx.gateway().unknownResponses(),
                    metric(pbx, "dialerd_ami_responses_dropped_total{reason=\"unknown\"}"));
            assertEquals(0, metric(pbx, "dialerd_resync_runs_total{trigger=\"periodic\"}"), "0: periodic resync off");
            assertTrue(metric(pbx, "dialerd_resync_runs_total{trigger=\"connected\"}") >= 1);
        }
    }

    /** Logins to Asterisk so far: the AMI events counter counts each Connect. */
    private static long reconnects(PbxHarness pbx) throws Exception {
        return (long) metric(pbx, "dialerd_ami_events_received_total{type=\"Connect\"}");
    }

    private static void loginStatic(PbxHarness pbx, EccpClient eccp, AgentCredentials agent, String extension) {
        assertEquals("logging", eccp.loginAgent(agent, extension).text("status").orElseThrow());
        pbx.simulator().advance(Duration.ofSeconds(2));
        Awaits.until(agent.agentNumber() + " online", WAIT,
                () -> eccp.getAgentStatus(agent.agentNumber()).text("status").orElse("").equals("online"));
        pbx.simulator().advance(Duration.ofSeconds(6)); // app_agent_pool's login probation
    }

    private static double metricQuietly(PbxHarness pbx, String series) {
        try {
            return metric(pbx, series);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One sample of /metrics; a series that is not there fails. */
    private static double metric(PbxHarness pbx, String series) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pbx.httpPort() + "/metrics")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(response.body());
        assertTrue(m.find(), "no sample " + series);
        return Double.parseDouble(m.group(1));
    }
}
