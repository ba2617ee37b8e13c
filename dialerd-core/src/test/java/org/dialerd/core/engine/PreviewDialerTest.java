package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.OutgoingCallStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview dialing mode on virtual time: a preview campaign dials nothing by itself, offers
 * one call to each free agent, dials it to that agent when accepted, and takes it back when it is
 * rejected, not answered in time, or the agent logs out, pauses or gets another call.
 */
class PreviewDialerTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final Agent SIP_1002 = new Agent(7, AgentType.SIP, "1002", "SIP 1002", true, Optional.of("demo"));
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls calls = new MemoryOutgoingCalls(5, 5, 10);
    private final PreviewStore store = new PreviewStore(calls);
    private final List<AgentEvent> events = new ArrayList<>();
    private AgentEngine engine;

    /** The campaign store with the campaign in preview mode and the reservations table in memory. */
    static final class PreviewStore implements OutgoingCallStore {
        final MemoryOutgoingCalls calls;
        /** dialerd_preview_offer: call id → agent, expiry. */
        final Map<Long, Map.Entry<String, LocalDateTime>> reserved = new HashMap<>();

        PreviewStore(MemoryOutgoingCalls calls) {
            this.calls = calls;
        }

        synchronized void apply(JournalRecord record) {
            if (record instanceof JournalRecord.PreviewReserved r) {
                var old = reserved.get(r.callId());
                if (old == null || !old.getValue().isAfter(r.offered())) {
                    reserved.put(r.callId(), Map.entry(r.agentNumber(), r.expires()));
                }
            } else if (record instanceof JournalRecord.PreviewReleased r) {
                reserved.computeIfPresent(r.callId(), (id, e) -> e.getKey().equals(r.agentNumber()) ? null : e);
            }
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return calls.activeCampaigns();
        }

        @Override
        public Map<Integer, CampaignOptions> campaignOptions() {
            return Map.of(1, new CampaignOptions(DialMode.PREVIEW, 3, Optional.empty(), Duration.ZERO, TIMEOUT));
        }

        @Override
        public synchronized Map<Long, String> previewReservations(int campaignId, LocalDateTime now) {
            Map<Long, String> live = new HashMap<>();
            reserved.forEach((id, e) -> {
                if (e.getValue().isAfter(now)) {
                    live.put(id, e.getKey());
                }
            });
            return live;
        }

        @Override
        public List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return calls.candidates(campaignId, retries, now, limit);
        }

        @Override
        public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return calls.laterCandidates(campaignId, retries, now, limit);
        }

        @Override
        public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
            return List.of();
        }

        @Override
        public Set<String> doNotCall() {
            return Set.of();
        }
    }

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, new MemoryAudit(calls::apply, store::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        settle(engine.track(List.of(SIP_1001, SIP_1002)));
        login(SIP_1001);
    }

    @Test
    void previewCampaignOffersTheNextCallToTheFreeAgentAndDialsNothingByItself() {
        startDialer();
        advance(Duration.ofSeconds(5));

        PreviewOffer offer = engine.preview().offer("SIP/1001").orElseThrow();
        assertEquals(1, offer.callId());
        assertEquals("5550001", offer.phone());
        assertEquals(offer.offered().plus(TIMEOUT), offer.expires());
        assertEquals(List.of(offer), offered());
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class), "nothing dialled before the agent accepts");
        assertEquals("SIP/1001", store.reserved.get(1L).getKey(), "reserved in the database");
        assertEquals(null, calls.call(1).status, "the calls row is untouched");
    }

    @Test
    void acceptedCallIsDialledStraightToTheAgent() {
        startDialer();
        advance(Duration.ofSeconds(1));

        assertTrue(settle(engine.preview().accept("SIP/1001", 1)).ok());
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        assertEquals(OutboundDialer.SCHEDULED_CONTEXT, originate.context());
        assertEquals("1001", originate.exten(), "the agent's extension");
        assertEquals("1", originate.variables().get("ID_CALL"));
        assertEquals("Placing", calls.call(1).status);
        assertEquals(AgentStatus.ONCALL, engine.view("SIP/1001").orElseThrow().status(), "reserved while dialling");
        assertEquals(Optional.empty(), engine.preview().offer("SIP/1001"));
        assertFalse(store.reserved.containsKey(1L), "reservation released");
        assertTrue(events.stream().noneMatch(e -> e instanceof AgentEvent.ScheduledCallPlacing));

        pbx.emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, "Local/5550001@customers-01;1",
                originate.channelId(), "", ""));
        pbx.emit(new PbxEvent.BridgeEnter("b1", "Local/5550001@customers-01;1", originate.channelId(), ""));
        advance(Duration.ofSeconds(1));
        assertEquals("Success", calls.call(1).status);
        AgentEvent.AgentLinked linked = events.stream().filter(AgentEvent.AgentLinked.class::isInstance)
                .map(AgentEvent.AgentLinked.class::cast).findFirst().orElseThrow();
        assertEquals("SIP/1001", linked.agentNumber());
        assertEquals(1, linked.call().callId());
        advance(Duration.ofSeconds(6));
        assertEquals(1, pbx.sent(PbxAction.Originate.class).size(), "one call dialled in all");
        assertEquals(List.of(), calls.violations());
    }

    @Test
    void offerNotAnsweredInTimeGoesBackAndTheAgentGetsTheNextCall() {
        startDialer();
        advance(Duration.ofSeconds(1));
        events.clear();

        advance(TIMEOUT);
        assertEquals(List.of("expired"), cancelled());
        assertEquals(PreviewDialer.EXPIRED, settle(engine.preview().accept("SIP/1001", 1)));
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class));
        advance(Duration.ofSeconds(2));
        assertEquals(2, engine.preview().offer("SIP/1001").orElseThrow().callId(),
                "the expired call is not offered to the same agent again");
        assertFalse(store.reserved.containsKey(1L), "call 1 is back in the pool");
    }

    @Test
    void rejectedCallGoesBackToThePoolForOtherAgents() {
        startDialer();
        advance(Duration.ofSeconds(1));

        assertTrue(settle(engine.preview().reject("SIP/1001", 1)).ok());
        assertEquals(List.of("rejected"), cancelled());
        advance(Duration.ofSeconds(2));
        assertEquals(2, engine.preview().offer("SIP/1001").orElseThrow().callId());
        login(SIP_1002);
        advance(Duration.ofSeconds(2));
        assertEquals(1, engine.preview().offer("SIP/1002").orElseThrow().callId(), "another agent gets call 1");
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class));
    }

    @Test
    void metricsCountEachOfferAndHowItEnded() {
        List<String> counted = new java.util.ArrayList<>();
        engine.reportTo(new org.dialerd.core.metrics.EngineMetrics() {
            @Override
            public void previewOffered(int campaignId) {
                counted.add("offered " + campaignId);
            }

            @Override
            public void previewEnded(int campaignId, String outcome) {
                counted.add(outcome + " " + campaignId);
            }
        });
        startDialer();
        advance(Duration.ofSeconds(1));
        assertTrue(settle(engine.preview().reject("SIP/1001", 1)).ok());
        advance(Duration.ofSeconds(2));
        advance(TIMEOUT); // call 2 expires
        advance(Duration.ofSeconds(2));
        assertTrue(settle(engine.preview().accept("SIP/1001", 3)).ok());
        login(SIP_1002);
        advance(Duration.ofSeconds(2));
        assertTrue(engine.preview().offer("SIP/1002").isPresent());
        assertTrue(settle(engine.pause(SIP_1002, 2, "Lunch")).ok()); // withdraws its offer

        assertEquals(List.of("offered 1", "rejected 1", "offered 1", "expired 1", "offered 1", "accepted 1",
                "offered 1", "withdrawn 1"), counted);
    }

    @Test
    void twoFreeAgentsAreOfferedDifferentCalls() {
        login(SIP_1002);
        startDialer();
        advance(Duration.ofSeconds(1));

        assertEquals(1, engine.preview().offer("SIP/1001").orElseThrow().callId());
        assertEquals(2, engine.preview().offer("SIP/1002").orElseThrow().callId());
        assertEquals(PreviewDialer.TAKEN, settle(engine.preview().accept("SIP/1002", 1)));
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class), "a refusal changes nothing");
        assertEquals(2, engine.preview().offer("SIP/1002").orElseThrow().callId());
    }

    @Test
    void pauseWithdrawsTheOfferAndNothingIsOfferedDuringTheBreak() {
        startDialer();
        advance(Duration.ofSeconds(1));

        assertTrue(settle(engine.pause(SIP_1001, 2, "Lunch")).ok());
        advance(Duration.ofSeconds(5));
        assertEquals(List.of("pause"), cancelled());
        assertEquals(Optional.empty(), engine.preview().offer("SIP/1001"));
        assertFalse(store.reserved.containsKey(1L));
        assertEquals(PreviewDialer.NO_OFFER, settle(engine.preview().accept("SIP/1001", 1)));
    }

    @Test
    void logoutWithdrawsTheOffer() {
        startDialer();
        advance(Duration.ofSeconds(1));

        settle(engine.logout(SIP_1001));
        advance(Duration.ofSeconds(1));
        assertEquals(List.of("logout"), cancelled());
        assertEquals(Optional.empty(), engine.preview().offer("SIP/1001"));
        assertFalse(store.reserved.containsKey(1L));
    }

    @Test
    void wrongCallOrNoOfferIsRefusedAndChangesNothing() {
        assertEquals(PreviewDialer.NO_OFFER, settle(engine.preview().accept("SIP/1001", 1)), "before any round");
        startDialer();
        advance(Duration.ofSeconds(1));

        EngineResult wrong = settle(engine.preview().accept("SIP/1001", 7));
        assertEquals(404, wrong.failure().orElseThrow().code());
        assertEquals(PreviewDialer.TAKEN, settle(engine.preview().reject("SIP/1002", 1)), "another agent's call");
        assertEquals(1, engine.preview().offer("SIP/1001").orElseThrow().callId(), "the offer stands");
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class));
    }

    @Test
    void callAnotherHostReservedFirstIsNotDialled() {
        startDialer();
        advance(Duration.ofSeconds(1));
        // Another host's agent reserved call 1 at the same moment, and its row came first.
        store.reserved.put(1L, Map.entry("SIP/2001", LocalDateTime.of(2026, 11, 22, 11, 0)));

        assertEquals(PreviewDialer.TAKEN, settle(engine.preview().accept("SIP/1001", 1)));
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class));
        assertEquals(List.of("taken"), cancelled());
        assertEquals("SIP/2001", store.reserved.get(1L).getKey(), "the other host's row stays");
        advance(Duration.ofSeconds(2));
        assertEquals(2, engine.preview().offer("SIP/1001").orElseThrow().callId());
    }

    private void startDialer() {
        engine.startOutboundDialer(store, () -> SETTINGS,
                new DialerSettings("Local/{phone}@customers", Duration.ofSeconds(1), "dialerd-t"));
    }

    private void login(Agent agent) {
        settle(engine.login(agent, agent.number(), "SIP/" + agent.number(),
                List.of(new MembershipSource.Membership("8000", 0)), Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", agent.name(), agent.channel(),
                agent.channel(), "dynamic", 0, 0, 1, false, "", false)));
        settle(CompletableFuture.completedFuture(null));
    }

    private List<PreviewOffer> offered() {
        return events.stream().filter(AgentEvent.PreviewOffered.class::isInstance)
                .map(e -> ((AgentEvent.PreviewOffered) e).offer()).toList();
    }

    private List<String> cancelled() {
        return events.stream().filter(AgentEvent.PreviewCancelled.class::isInstance)
                .map(e -> ((AgentEvent.PreviewCancelled) e).reason()).toList();
    }

    private void advance(Duration total) {
        for (long ms = 0; ms < total.toMillis(); ms += 100) {
            settle(CompletableFuture.completedFuture(null));
            scheduler.advance(Duration.ofMillis(100));
        }
        settle(CompletableFuture.completedFuture(null));
    }

    private <T> T settle(CompletableFuture<T> future) {
        for (int i = 0; i < 5; i++) {
            scheduler.runUntilIdle();
        }
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }
}
