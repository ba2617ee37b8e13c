package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.MembershipSource;
import org.junit.jupiter.api.Test;

/**
 * The dialer's candidate window while the journal lags: rounds keep dialling from the last read
 * without waiting for it, and no call is dialled twice, neither from the same read nor from a
 * read that began before the calls placed meanwhile reached the database.
 */
class LaggingJournalDialerTest {
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 5);
    private static final int AGENTS = 10;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls store = new MemoryOutgoingCalls(0, 1, 100);
    private final MemoryAudit journal = new MemoryAudit(store::apply);
    private int answered;

    @Test
    void roundsDialFromTheWindowWhileTheReadWaitsAndNoCallIsDialledTwice() {
        store.options = Map.of(1, new CampaignOptions(DialMode.PROGRESSIVE, 3.0, Optional.empty(), Duration.ZERO));
        AgentEngine engine = new AgentEngine(pbx, journal, scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(new Agent(10 + i, AgentType.SIP, String.valueOf(1001 + i), "SIP " + (1001 + i), true,
                    Optional.of("demo")));
        }
        scheduler.answer(engine.track(agents));
        for (Agent agent : agents) {
            String iface = "SIP/" + agent.number();
            scheduler.answer(engine.login(agent, agent.number(), iface,
                    List.of(new MembershipSource.Membership("8000", 0)), Optional.empty()));
            pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", agent.name(), iface, iface,
                    "dynamic", 0, 0, 1, false, "", false)));
        }
        scheduler.settle();
        journal.lagging();
        engine.startOutboundDialer(store, () -> SETTINGS, new DialerSettings("Local/{phone}@customers",
                Duration.ofSeconds(1), "dialerd-t"));
        scheduler.settle();
        assertEquals(0, originates().size(), "the first round waits for its read");
        journal.catchUp(); // the first read: every call dialable
        scheduler.settle();
        assertEquals(AGENTS, originates().size(), "one call per free agent");

        for (int round = 2; round <= 4; round++) {
            busy(); // the agents are free again; the journal applies nothing meanwhile
            scheduler.advance(Duration.ofSeconds(1));
            assertEquals(round * AGENTS, originates().size(), "round " + round + " dials from the window at once");
        }
        // The read that began after round 1 now runs: it still shows rounds 2-4's calls dialable.
        journal.catchUp();
        busy();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(5 * AGENTS, originates().size());
        Set<String> dialled = new HashSet<>();
        for (PbxAction.Originate o : originates()) {
            String call = o.variables().get("ID_CALL");
            assertEquals(true, dialled.add(call), "call " + call + " dialled twice");
        }
        busy();
        journal.catchUp();
        scheduler.settle();
    }

    /** Every originate not yet answered fails busy. */
    private void busy() {
        List<PbxAction.Originate> sent = originates();
        for (; answered < sent.size(); answered++) {
            PbxAction.Originate o = sent.get(answered);
            pbx.emit(new PbxEvent.OriginateResponse(o.actionId(), false, 5, o.channel(), o.channelId(),
                    o.context(), o.exten()));
        }
        scheduler.settle();
    }

    private List<PbxAction.Originate> originates() {
        return pbx.sent(PbxAction.Originate.class);
    }
}
