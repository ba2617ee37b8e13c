package org.dialerd.eccp.handler;

import org.dialerd.core.spy.SpyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class AbandonHandlersTest {
    private final MovingClock clock = new MovingClock();
    private final AbandonCounter counter = new AbandonCounter(clock, campaign -> 3.0);
    private final EccpSession session = new EccpSession("test");

    private String dispatch(XmlElement request) {
        Services base = FakeServices.create(() -> true);
        Services services = base.toBuilder().spies(SpyService.unavailable()).abandons(counter).build();
        return new Dispatcher(Handlers.all(), services).dispatch(session, new EccpRequest("7", request)).packet()
                .toString();
    }

    private void progress(long callId, String status) {
        counter.onEvent(new AgentEvent.CallProgress(null, java.time.LocalDateTime.now(clock), "outgoing", 1, callId,
                status, 1, "u" + callId, null, "5550000", "8000"));
    }

    @Test
    void answersTheCampaignsAbandonedCallsTodayAndOverThirtyDays() {
        session.loggedIn("agentconsole", "c");
        progress(1, "Ringing");
        progress(1, "Success");
        progress(2, "Ringing");
        clock.advance(3);

        assertEquals("<response id=\"7\"><getcampaignabandonstatus_response><campaign_id>1</campaign_id>"
                + "<rule_seconds>2</rule_seconds><target_pct>3.00</target_pct><today><answered>2</answered>"
                + "<abandoned>1</abandoned><abandon_pct>50.00</abandon_pct></today><last_30_days><answered>2</answered>"
                + "<abandoned>1</abandoned><abandon_pct>50.00</abandon_pct></last_30_days><over_target>yes</over_target>"
                + "</getcampaignabandonstatus_response></response>",
                dispatch(XmlElement.builder("getcampaignabandonstatus").add("campaign_id", "1").build()));
    }

    @Test
    void aCampaignWithoutAnsweredCallsHasZerosAndNoRate() {
        session.loggedIn("agentconsole", "c");
        String answer = dispatch(XmlElement.builder("getcampaignabandonstatus").add("campaign_id", "9").build());
        assertTrue(answer.contains("<today><answered>0</answered><abandoned>0</abandoned><abandon_pct/>"),
                answer);
        assertTrue(answer.contains("<over_target>no</over_target>"), answer);
    }

    @Test
    void refusesIncomingCampaignsAndAMissingId() {
        session.loggedIn("agentconsole", "c");
        assertTrue(dispatch(XmlElement.builder("getcampaignabandonstatus").add("campaign_id", "1")
                .add("campaign_type", "incoming").build()).contains("<code>400</code>"));
        assertTrue(dispatch(XmlElement.empty("getcampaignabandonstatus")).contains("<code>400</code>"));
    }

    @Test
    void needsALoggedInSession() {
        assertTrue(dispatch(XmlElement.builder("getcampaignabandonstatus").add("campaign_id", "1").build())
                .contains("<code>401</code>"));
    }

    @Test
    void getRequestListStillNamesOnlyTheReferencesRequests() {
        String answer = dispatch(XmlElement.empty("getrequestlist"));
        assertFalse(answer.contains("getcampaignabandonstatus"), answer);
        assertEquals(38, answer.split("<request>", -1).length - 1, answer);
        assertTrue(answer.endsWith("<request>refreshagents</request></requests></getrequestlist_response></response>"),
                answer);
    }

    /** A UTC clock the test moves in whole seconds. */
    private static final class MovingClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
