package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.spy.SpyService;
import org.dialerd.core.stats.AbandonRates;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.core.stats.ServiceLevels;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class LiveStatsHandlersTest {
    private final ManualClock clock = new ManualClock();
    /** Queue 8001 answers within 10 s; everything else within the default 20 s. */
    private final LiveStats stats = new LiveStats(clock, new ServiceLevels(20, Map.of("8001", 10)));
    private final EccpSession session = new EccpSession("test");

    private String dispatch(XmlElement request) {
        Services base = FakeServices.create(() -> true);
        Services services = base.toBuilder().spies(SpyService.unavailable()).abandons(AbandonRates.NONE).stats(stats)
                .build();
        return new Dispatcher(Handlers.all(), services).dispatch(session, new EccpRequest("7", request)).packet()
                .toString();
    }

    private void incoming(long callId, String status) {
        stats.onEvent(new AgentEvent.CallProgress(null, LocalDateTime.now(clock), "incoming", null, callId, status,
                0, "u" + callId, null, "5550000", "8001"));
    }

    private void outgoing(long callId, String status) {
        stats.onEvent(new AgentEvent.CallProgress(null, LocalDateTime.now(clock), "outgoing", 1, callId, status,
                1, "o" + callId, null, "5551000", "8000"));
    }

    @Test
    void answersAQueuesServiceLevelWaitsAndHandleTimeFromTheLiveCounters() {
        session.loggedIn("agentconsole", "c");
        incoming(1, "OnQueue");
        clock.advance(Duration.ofSeconds(8));
        incoming(1, "Success"); // answered after 8 s: within the queue's 10 s
        incoming(2, "OnQueue");
        clock.advance(Duration.ofSeconds(12));
        incoming(2, "Success"); // after 12 s: late
        incoming(3, "OnQueue");
        clock.advance(Duration.ofSeconds(5));
        incoming(3, "Abandoned");
        clock.advance(Duration.ofSeconds(35));
        incoming(1, "Hangup"); // 52 s with the agent
        incoming(4, "OnQueue");
        clock.advance(Duration.ofSeconds(7));

        assertEquals("<response id=\"7\"><getlivestats_response><lines><line><kind>queue</kind><queue>8001</queue>"
                        + "<calls_waiting>1</calls_waiting><longest_wait_seconds>7</longest_wait_seconds>"
                        // (1 waiting + 1) callers at 2 answers in the 67 s since start
                        + "<estimated_wait_seconds>67.00</estimated_wait_seconds>"
                        + "<service_level_seconds>10</service_level_seconds>" + window() + window().replace(
                        "last_15_minutes", "today") + "</line></lines></getlivestats_response></response>",
                dispatch(XmlElement.builder("getlivestats").add("queue", "8001").build()));
    }

    private static String window() {
        return "<last_15_minutes><offered>4</offered><answered>2</answered><answered_in_time>1</answered_in_time>"
                + "<abandoned>1</abandoned><handled>1</handled><placed>0</placed><failed>0</failed>"
                + "<service_level_pct>33.33</service_level_pct><abandon_pct>33.33</abandon_pct>"
                + "<average_speed_of_answer>10.00</average_speed_of_answer>"
                + "<average_handle_time>52.00</average_handle_time></last_15_minutes>";
    }

    @Test
    void withoutArgumentsAnswersEveryLineCampaignsThenQueues() {
        session.loggedIn("agentconsole", "c");
        outgoing(5, "Placing");
        incoming(1, "OnQueue");
        String answer = dispatch(XmlElement.empty("getlivestats"));
        int queue8000 = answer.indexOf("<queue>8000</queue>");
        int queue8001 = answer.indexOf("<queue>8001</queue>");
        int campaign = answer.indexOf("<kind>campaign</kind><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id>");
        assertTrue(campaign > 0 && queue8000 > campaign && queue8001 > queue8000, answer);
        assertEquals(3, answer.split("<line>", -1).length - 1, answer);
    }

    @Test
    void aLineWithoutCallsHasZerosAndEmptyRatios() {
        session.loggedIn("agentconsole", "c");
        String answer = dispatch(XmlElement.builder("getlivestats").add("campaign_id", "9").build());
        assertTrue(answer.contains("<kind>campaign</kind><campaign_type>outgoing</campaign_type><campaign_id>9"
                + "</campaign_id><calls_waiting>0</calls_waiting><longest_wait_seconds>0</longest_wait_seconds>"
                + "<estimated_wait_seconds/><service_level_seconds>20</service_level_seconds>"), answer);
        assertTrue(answer.contains("<service_level_pct/><abandon_pct/><average_speed_of_answer/>"
                + "<average_handle_time/>"), answer);
    }

    @Test
    void refusesContradictoryFiltersAndUnknownCampaignTypes() {
        session.loggedIn("agentconsole", "c");
        for (XmlElement bad : new XmlElement[] {
                XmlElement.builder("getlivestats").add("queue", "8001").add("campaign_id", "1").build(),
                XmlElement.builder("getlivestats").add("campaign_type", "incoming").build(),
                XmlElement.builder("getlivestats").add("campaign_id", "1").add("campaign_type", "sideways").build()}) {
            String answer = dispatch(bad);
            assertTrue(answer.contains("<code>400</code>"), answer);
        }
    }

    @Test
    void needsALoggedInSessionAndStaysOutOfGetRequestList() {
        assertTrue(dispatch(XmlElement.empty("getlivestats")).contains("<code>401</code>"));
        assertFalse(dispatch(XmlElement.empty("getrequestlist")).contains("getlivestats"));
    }
}
