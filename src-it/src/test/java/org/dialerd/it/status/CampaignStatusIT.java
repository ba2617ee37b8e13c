package org.dialerd.it.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * getcampaignstatus and getincomingqueuestatus against live calls in queue 8001 (demo data:
 * incoming campaign 1 on that queue takes its calls): the counts follow the call through its
 * states, the logged-in member is listed with its call, a waiting caller is an active call, and
 * getincomingqueuestatus, which counts only calls without campaign, does not see them.
 */
class CampaignStatusIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;

    @BeforeAll
    static void start() {
        pbx = PbxHarness.start("sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void answeredCallMovesFromSuccessToFinishedAndItsAgentIsListed() throws Exception {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());
            XmlElement before = status(eccp);
            Awaits.until("SIP/1001 listed as a member of 8001", WAIT,
                    () -> agentEntry(status(eccp), "SIP/1001").isPresent());
            assertEquals("online", agentEntry(status(eccp), "SIP/1001").orElseThrow()
                    .childText("status").orElseThrow());

            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(40));
            pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
            String callId = await(events, "agentlinked").childText("call_id").orElseThrow();
            Awaits.until("the linked call counted as success", WAIT,
                    () -> count(status(eccp), "success") == count(before, "success") + 1);
            XmlElement linked = status(eccp);
            assertEquals(count(before, "total") + 1, count(linked, "total"));
            XmlElement member = agentEntry(linked, "SIP/1001").orElseThrow();
            assertEquals("oncall", member.childText("status").orElseThrow());
            assertEquals(callId, member.childText("callid").orElseThrow());
            assertEquals("042345678", member.childText("callnumber").orElseThrow());
            assertTrue(member.childText("callclient").isPresent());
            assertTrue(member.childText("linkstart").isPresent());

            pbx.simulator().advance(Duration.ofSeconds(40)); // the caller hangs up
            await(events, "agentunlinked");
            Awaits.until("the call counted as finished", WAIT,
                    () -> count(status(eccp), "finished") == count(before, "finished") + 1);
            XmlElement finished = status(eccp);
            assertEquals(count(before, "success"), count(finished, "success"));
            assertTrue(stat(finished, "total_sec") > stat(before, "total_sec"));
            eccp.logoutAgent(agent);
        }
    }

    @Test
    void waitingCallerIsOnQueueAndActiveThenAbandoned() {
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            XmlElement before = status(eccp);
            XmlElement queueBefore = queueStatus(eccp);

            pbx.simulator().inboundCall("0999000222", "8001", Duration.ofSeconds(5));
            pbx.simulator().advance(Duration.ofSeconds(1));
            Awaits.until("the caller listed as waiting", WAIT,
                    () -> activeCall(status(eccp), "0999000222").isPresent());
            XmlElement waiting = status(eccp);
            assertEquals(count(before, "onqueue") + 1, count(waiting, "onqueue"));
            XmlElement call = activeCall(waiting, "0999000222").orElseThrow();
            assertEquals("OnQueue", call.childText("callstatus").orElseThrow());
            assertTrue(call.childText("queuestart").isPresent());
            // The campaign took the call: the queue's calls without campaign stay as they were.
            XmlElement queueWaiting = queueStatus(eccp);
            assertEquals(count(queueBefore, "total"), count(queueWaiting, "total"));
            assertTrue(activeCall(queueWaiting, "0999000222").isEmpty());

            pbx.simulator().advance(Duration.ofSeconds(10));
            Awaits.until("the caller counted as abandoned", WAIT,
                    () -> count(status(eccp), "abandoned") == count(before, "abandoned") + 1);
            XmlElement abandoned = status(eccp);
            assertEquals(count(before, "onqueue"), count(abandoned, "onqueue"));
            assertTrue(activeCall(abandoned, "0999000222").isEmpty());
        }
    }

    /** Incoming campaign 1 (queue 8001). */
    private static XmlElement status(EccpClient eccp) {
        EccpResponse response = eccp.getCampaignStatus("incoming", 1, null);
        return response.orThrow();
    }

    /** Queue 8001, calls without campaign. */
    private static XmlElement queueStatus(EccpClient eccp) {
        return eccp.getIncomingQueueStatus("8001", null).orThrow();
    }

    private static long count(XmlElement status, String name) {
        return Long.parseLong(status.child("statuscount").orElseThrow().childText(name).orElseThrow());
    }

    private static long stat(XmlElement status, String name) {
        return Long.parseLong(status.child("stats").orElseThrow().childText(name).orElseThrow());
    }

    private static Optional<XmlElement> agentEntry(XmlElement status, String channel) {
        return status.child("agents").orElseThrow().childrenNamed("agent").stream()
                .filter(a -> a.childText("agentchannel").orElse("").equals(channel)).findFirst();
    }

    private static Optional<XmlElement> activeCall(XmlElement status, String phone) {
        List<XmlElement> calls = status.child("activecalls").orElseThrow().childrenNamed("activecall");
        return calls.stream().filter(c -> c.childText("callnumber").orElse("").equals(phone)).findFirst();
    }

    private static XmlElement await(LinkedBlockingQueue<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }
}
