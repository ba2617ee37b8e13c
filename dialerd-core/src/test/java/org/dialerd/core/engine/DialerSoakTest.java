package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One virtual hour of predictive dialling at about 200 originates a second against a PBX that
 * loses, delays and reorders what AMI carries ({@link SoakPbx}), with one AMI outage in the
 * middle. Afterwards nothing is stuck: every attempt has its final status in the progress log,
 * no call holds a channel, no agent is left on a call, the write queue drained, and the
 * faults did happen. The real engine, dialer, watchdog and resync run on virtual time, so the
 * hour takes about 25 s. Responses for unknown ActionIDs and responses after their timeout
 * never reach the engine (dialerd-ami counts and drops them: AmiGatewayActionTest, AmiFaultsIT);
 * here a late answer is what the engine sees of one, a timeout although Asterisk dialled.
 * {@code -Dsoak.minutes=N} runs another length. Kept next to src-it's CampaignSoakIT, which
 * runs the whole chain (simulator over TCP, asterisk-java, journal, MariaDB) but, on the build
 * machine, only at about 1.3 originates a second for a quarter of an hour: this is the hour at
 * 200 a second.
 */
class DialerSoakTest {
    private static final Duration HOUR = Duration.ofMinutes(Long.getLong("soak.minutes", 60));
    private static final Duration STEP = Duration.ofMillis(250);
    private static final int AGENTS = 300;
    /** timeout_originate 5 s; overcommit on, so a low answer rate is dialled up to 5 calls per free agent. */
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 3, 8, false, false,
            true, 0.97, true, 5, 0, 5);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SoakPbx pbx = new SoakPbx(scheduler, 20261122L);
    private final MemoryOutgoingCalls store = new MemoryOutgoingCalls(1000, 1_000_000, 200_000);
    /** Applied at once; an hour of records is not kept (the journal's own backlog is tested in its package). */
    private final MemoryAudit writes = new MemoryAudit(store::apply).forgetting();
    private final List<Agent> agents = new ArrayList<>();
    private AgentEngine engine;
    private long events;

    @Test
    void oneVirtualHourAt200OriginatesPerSecondWithAmiFaultsLeavesNothingStuck() {
        long started = System.nanoTime();
        engine = new AgentEngine(pbx, writes, scheduler,
                scheduler.clock(Instant.parse("2026-11-22T09:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.addListener(event -> events++);
        for (int i = 0; i < AGENTS; i++) {
            agents.add(new Agent(100 + i, AgentType.SIP, String.valueOf(2000 + i), "SIP " + (2000 + i), true,
                    Optional.empty()));
        }
        settle(engine.track(agents));
        for (Agent agent : agents) {
            settle(engine.login(agent, agent.number(), "SIP/" + agent.number(), List.of(new Membership(SoakPbx.QUEUE,
                    0)), Optional.empty()));
        }
        engine.startOutboundDialer(store, () -> SETTINGS, new DialerSettings("SIP/trunk/{phone}", Duration.ofSeconds(1),
                "dialerd-soak"));

        int maxWaiting = 0;
        for (long ms = 0; ms < HOUR.toMillis(); ms += STEP.toMillis()) {
            if (ms == HOUR.toMillis() / 2) {
                pbx.outage(Duration.ofSeconds(3));
            }
            step();
            maxWaiting = Math.max(maxWaiting, pbx.callersWaiting());
        }
        long placed = pbx.counters.originates;
        store.campaignStatus("I"); // the campaign stops: what is live must end by itself
        for (long ms = 0; ms < Duration.ofMinutes(2).toMillis(); ms += STEP.toMillis()) {
            step();
        }
        settle(CompletableFuture.completedFuture(null));

        double perSecond = placed / (double) HOUR.toSeconds();
        System.out.printf("soak: %d originates in %s of virtual time (%.1f/s), %d events, %.1f s real; faults %s; "
                        + "progress %s; max callers waiting %d%n", placed, HOUR, perSecond, events,
                (System.nanoTime() - started) / 1e9, faults(), store.logged(), maxWaiting);
        assertTrue(perSecond >= 180, "about 200 originates a second, got " + perSecond);
        assertEquals(List.of(), store.violations(), "progress log: one Placing, one final status per attempt");
        assertEquals(Map.of(), store.openAttempts(), "every attempt ended");
        assertEquals(store.logged().get("Placing"), store.logged().entrySet().stream()
                .filter(e -> MemoryOutgoingCalls.FINAL.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum(),
                "as many final statuses as attempts");
        assertEquals(0, pbx.channelsUp(), "no call left in the PBX");
        for (AgentView view : engine.views()) {
            assertEquals(AgentStatus.ONLINE, view.status(), view.agent().channel() + " stuck");
        }
        SoakPbx.Counters c = pbx.counters;
        assertTrue(c.lostAnswers > 0 && c.lateAnswers > 0 && c.delayedAnswers > 0 && c.lostOriginateResponses > 0
                && c.lostHangups > 0 && c.swapped > 0 && c.eventsLostInOutage > 0, faults());
    }

    private void step() {
        settle(CompletableFuture.completedFuture(null));
        scheduler.advance(STEP);
    }

    private String faults() {
        SoakPbx.Counters c = pbx.counters;
        return "lost answers " + c.lostAnswers + ", late " + c.lateAnswers + ", delayed " + c.delayedAnswers
                + ", lost OriginateResponse " + c.lostOriginateResponses + " (with Hangup " + c.lostHangups + "), "
                + "swapped " + c.swapped + ", lost in outage " + c.eventsLostInOutage + "; answered " + c.answered
                + ", abandoned " + c.abandoned;
    }

    private <T> T settle(CompletableFuture<T> future) {
        for (int i = 0; i < 3; i++) {
            scheduler.runUntilIdle();
        }
        scheduler.runUntilIdle();
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }
}
