package org.dialerd.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.server.DemoPbx;
import org.junit.jupiter.api.Test;

/**
 * What README's demo paragraph promises, on the demo's own pieces: its PBX additions
 * ({@link DemoPbx#addDemoExtras}: customers, safe-harbour message, queue 8002), its dialer
 * settings and its SQL (demo-data, demo-wrapup, demo-dialer), on virtual time. SIP/1001 takes a
 * campaign call, gets the campaign's 10 s of wrap-up, takes the next call while the supervisor
 * listens from extension 1010, then whispers and barges in the same spy call; the preview
 * campaign offers SIP/1006 its calls on queue 8002 and /metrics counts the offer.
 */
class DemoEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");
    private static final AgentCredentials SIP_1006 = new AgentCredentials("SIP/1006", "demo");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anAgentWrapsUpAfterACallWhileASupervisorListensToTheNextOneAndPreviewCallsAreOffered()
            throws Exception {
        try (PbxHarness pbx = PbxHarness.startMonitoredWithDialer(DemoPbx::addDemoExtras,
                DemoPbx.dialer(PbxHarness.DIALER_UNIQUEID_PREFIX), "sql/demo-data.sql", "sql/demo-wrapup.sql",
                "sql/demo-dialer.sql");
             EccpClient console = console(pbx);
             EccpClient supervisor = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            console.onEvent(events::add);
            supervisor.login("supervisor", "supervisor");
            LinkedBlockingQueue<XmlElement> supervisorEvents = new LinkedBlockingQueue<>();
            supervisor.onEvent(supervisorEvents::add);
            assertEquals("logged-in", console.loginAgent(SIP_1001, "1001").text("status").orElseThrow());

            // A campaign call: the demo's customers answer after 3 s and talk 45 s.
            XmlElement first = advanceUntil(pbx, events, "agentlinked", 30);
            assertEquals("outgoing", first.childText("calltype").orElseThrow());
            assertEquals("1", first.childText("campaign_id").orElseThrow());
            advanceUntil(pbx, events, "agentunlinked", 60, 5);
            XmlElement wrapup = await(events, "wrapupstart");
            assertEquals("10", wrapup.childText("wrapup_seconds").orElseThrow(), "demo-wrapup.sql's 10 s");
            EccpResponse status = console.getAgentStatus("SIP/1001");
            assertTrue(status.body().child("wrapup").isPresent(), status.body()::toString);
            // The wrap-up ends once dialerd's clock, the PBX's, is past its 10 s (and the engine's
            // timer, on real time, has run them too).
            pbx.simulator().advance(Duration.ofSeconds(10));
            assertEquals("timeout", await(events, "wrapupend").childText("ended_by").orElseThrow());

            // The next call, and the supervisor on extension 1010 listens, whispers, barges.
            advanceUntil(pbx, events, "agentlinked", 60);
            EccpResponse listen = supervisor.spyAgent("SIP/1001", "1010", "listen");
            assertTrue(listen.isSuccess(), listen.body()::toString);
            String spyId = listen.text("spy_id").orElseThrow();
            assertEquals("listen", advanceUntil(pbx, supervisorEvents, "spystart", 5).childText("mode").orElseThrow());
            assertTrue(supervisor.spyAgent("SIP/1001", "1010", "whisper").isSuccess());
            assertEquals("whisper", await(supervisorEvents, "spymode").childText("mode").orElseThrow());
            assertTrue(supervisor.spyAgent("SIP/1001", "1010", "barge").isSuccess());
            assertEquals("barge", await(supervisorEvents, "spymode").childText("mode").orElseThrow());
            assertEquals(Optional.of("barge"), pbx.simulator().chanSpyMode(spyId));
            assertTrue(supervisor.spyStop("SIP/1001").isSuccess());
            advanceUntil(pbx, supervisorEvents, "spyend", 5);
            Awaits.until("three audited modes", WAIT, () -> "3".equals(Sql.value(pbx.dataSource(),
                    "SELECT COUNT(*) FROM dialerd_supervisor_audit WHERE spy_id LIKE CONCAT(?, '%') "
                            + "AND datetime_end IS NOT NULL", spyId)));
            console.pauseAgent(SIP_1001, 2); // no further campaign calls
            advanceUntil(pbx, events, "agentunlinked", 60, 5);

            // The preview campaign (queue 8002) offers its calls to its own agent only.
            assertEquals("logged-in", console.loginAgent(SIP_1006, "1006").text("status").orElseThrow());
            XmlElement offer = await(events, "previewcall");
            assertEquals("SIP/1006", offer.childText("agent_number").orElseThrow());
            assertEquals("2", offer.childText("campaign_id").orElseThrow());
            assertTrue(events.stream().noneMatch(e -> e.children().get(0).name().equals("previewcall")
                    && e.children().get(0).childText("agent_number").orElse("").equals("SIP/1001")));
            String metrics = get(pbx, "/metrics");
            assertTrue(metrics.contains("dialerd_preview_offers_total{campaign=\"2\"}"), metrics);
            assertFalse(metrics.contains("dialerd_preview_offers_total{campaign=\"1\"}"), metrics);
            console.logoutAgent(SIP_1006);
            console.logoutAgent(SIP_1001);
        }
    }

    /** Advances the PBX a second at a time until the event came (the dialer runs on real time). */
    private static XmlElement advanceUntil(PbxHarness pbx, Collection<XmlElement> events, String name,
                                           int maxSeconds) {
        return advanceUntil(pbx, events, name, maxSeconds, 1);
    }

    /** ... {@code step} seconds at a time (through a customer's 45 s of talk). */
    private static XmlElement advanceUntil(PbxHarness pbx, Collection<XmlElement> events, String name,
                                           int maxSeconds, int step) {
        for (int second = 0; second < maxSeconds; second += step) {
            try {
                return EventWaits.await(events, name, Duration.ofMillis(300));
            } catch (AssertionError notYet) {
                pbx.simulator().advance(Duration.ofSeconds(step));
            }
        }
        return await(events, name);
    }

    private static XmlElement await(Collection<XmlElement> events, String name) {
        return EventWaits.await(events, name, WAIT);
    }

    private static EccpClient console(PbxHarness pbx) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        return eccp;
    }

    private static String get(PbxHarness pbx, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pbx.httpPort() + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
