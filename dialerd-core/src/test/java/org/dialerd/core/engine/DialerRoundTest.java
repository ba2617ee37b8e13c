package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.OutgoingCallStore;
import org.junit.jupiter.api.Test;

/** A round places what the strategy asks for, past the 200 rows one read of the reference takes. */
class DialerRoundTest {
    private static final int AGENTS = 300;
    /** No predictive "about to be free", no overcommit: one call per free agent. */
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 1);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls calls = new MemoryOutgoingCalls(0, 1, 2_000);
    private final CountingStore store = new CountingStore(calls);
    private AgentEngine engine;

    @Test
    void aRoundPlacesOneCallPerFreeAgentBeyondTwoHundredReadingMoreRowsAfterItsWrites() {
        startWithFreeAgents();

        assertEquals(1, engine.dialerRounds());
        assertEquals(AGENTS, pbx.sent(PbxAction.Originate.class).size(), "one call per free agent in one round");
        assertEquals(List.of(200, 200 + 2 * (AGENTS - 200)), store.limits, "a full read of 200, then one for the rest");
        assertEquals(List.of(), calls.violations(), "no call placed twice or while not dialable");
    }

    @Test
    void theNextRoundReadsEnoughRowsAtOnce() {
        startWithFreeAgents();
        store.limits.clear();
        failAll(pbx.sent(PbxAction.Originate.class)); // every agent free again

        scheduler.advance(Duration.ofSeconds(1));
        scheduler.runUntilIdle();

        assertEquals(2, engine.dialerRounds());
        assertEquals(2 * AGENTS, pbx.sent(PbxAction.Originate.class).size());
        assertEquals(List.of(2 * AGENTS), store.limits, "sized by the last round's 300: one read");
        assertEquals(List.of(), calls.violations());
    }

    @Test
    void aCampaignWithFewerRowsThanFreeAgentsReadsOnce() {
        MemoryOutgoingCalls few = new MemoryOutgoingCalls(0, 1, 150);
        CountingStore counting = new CountingStore(few);
        startWithFreeAgents(counting);

        assertEquals(150, pbx.sent(PbxAction.Originate.class).size());
        assertEquals(List.of(200), counting.limits, "the read was not full: nothing more to read");
    }

    private void startWithFreeAgents() {
        startWithFreeAgents(store);
    }

    private void startWithFreeAgents(CountingStore into) {
        engine = new AgentEngine(pbx, new MemoryAudit(into.delegate::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(new Agent(100 + i, AgentType.SIP, String.valueOf(2000 + i), "SIP " + (2000 + i), true,
                    Optional.empty()));
        }
        scheduler.answer(engine.track(agents));
        for (Agent agent : agents) {
            String iface = "SIP/" + agent.number();
            scheduler.answer(engine.login(agent, agent.number(), iface,
                    List.of(new MembershipSource.Membership("8000", 0)), Optional.empty()));
            pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", agent.name(), iface, iface,
                    "dynamic", 0, 0, 1, false, "", false)));
        }
        scheduler.runUntilIdle();
        engine.startOutboundDialer(into, () -> SETTINGS, new DialerSettings("Local/{phone}@customers",
                Duration.ofSeconds(1), "dialerd-t"));
        scheduler.runUntilIdle();
    }

    private void failAll(List<PbxAction.Originate> sent) {
        for (PbxAction.Originate originate : sent) {
            pbx.emit(new PbxEvent.OriginateResponse(originate.actionId(), false, 1, "", "", "", ""));
        }
        scheduler.runUntilIdle();
    }

    /** The memory campaign, counting the candidate reads and the rows each asked for. */
    private static final class CountingStore implements OutgoingCallStore {
        final MemoryOutgoingCalls delegate;
        final List<Integer> limits = new ArrayList<>();

        CountingStore(MemoryOutgoingCalls delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return delegate.activeCampaigns();
        }

        @Override
        public Map<Integer, CampaignOptions> campaignOptions() {
            return delegate.campaignOptions();
        }

        @Override
        public synchronized List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
            limits.add(limit);
            return delegate.candidates(campaignId, retries, now, limit);
        }

        @Override
        public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return delegate.laterCandidates(campaignId, retries, now, limit);
        }

        @Override
        public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
            return delegate.scheduledCalls(campaignId, retries, limit);
        }

        @Override
        public Set<String> doNotCall() {
            return delegate.doNotCall();
        }
    }
}
