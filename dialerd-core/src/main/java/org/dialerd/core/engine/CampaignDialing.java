package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CampaignMeasurements;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.DialDecision;
import org.dialerd.core.dialer.DialRound;
import org.dialerd.core.dialer.DialStrategies;
import org.dialerd.core.dialer.DialerSnapshot;
import org.dialerd.core.dialer.MemberState;
import org.dialerd.core.dialer.QueueMember;
import org.dialerd.core.dialer.RunningStats;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * The dialer's decision per campaign and round: builds the round's inputs from the engine's
 * live agents and the calls the dialer follows, and asks the strategy of the campaign's
 * {@code dial_mode} ({@link DialStrategies}). It also keeps each campaign's
 * {@link CampaignMeasurements}, fed by {@link OutboundDialer} from the call events it already
 * handles and by the engine's wrapupend events, for the PREDICTIVE mode. Engine thread only.
 */
final class CampaignDialing {
    private final AgentEngine engine;
    private final Supplier<DaemonSettings> settings;
    private final DialStrategies strategies;
    /** The ways a wrap-up ends with the agent taking calls again (a break, logout or call does not). */
    private static final java.util.Set<String> BACK_TO_WORK = java.util.Set.of("timeout", "endwrapup", "unpauseagent");
    private final Map<Integer, CampaignMeasurements> measurements = new HashMap<>();
    /** The origin of the measurements' clock (seconds since dialerd's first call event). */
    private LocalDateTime origin;

    CampaignDialing(AgentEngine engine, Supplier<DaemonSettings> settings, DialStrategies strategies) {
        this.engine = engine;
        this.settings = settings;
        this.strategies = strategies;
        engine.addListener(this::wrappedUp); // the engine's events are emitted on its thread
    }

    /** The measured after-call work of a campaign's call, when the agent went back to work after it. */
    private void wrappedUp(AgentEvent event) {
        if (event instanceof AgentEvent.WrapupEnd w && OutboundDialer.OUTGOING.equals(w.callType())
                && w.campaignId() != null && BACK_TO_WORK.contains(w.how())) {
            measurements.computeIfAbsent(w.campaignId(), id -> new CampaignMeasurements()).wrappedUp(w.durationSeconds());
        }
    }

    DialDecision decide(OutgoingCallStore.Campaign campaign, CampaignOptions options, List<OutboundCall> live,
                        RunningStats talkStats, RecentCalls recent, LocalDateTime now) {
        DialerSnapshot snapshot = snapshot(campaign, live, talkStats, recent, now);
        List<Double> ages = new ArrayList<>();
        for (OutboundCall call : live) {
            if (call.pending()) {
                ages.add(Math.max(0, seconds(call.originated, now)));
            }
        }
        CampaignMeasurements measured = measurements.computeIfAbsent(campaign.id(), id -> new CampaignMeasurements());
        return strategies.decide(new DialRound(snapshot, ages, measured.snapshot(clock(now)), options));
    }

    /** The customer answered (the first sign of it). */
    void answered(OutboundCall call, LocalDateTime at) {
        if (call.scheduledFor == null) {
            of(call).answered(clock(call.originated), seconds(call.originated, at));
        }
    }

    /** The originate failed or was not answered. */
    void failed(OutboundCall call, LocalDateTime at) {
        if (call.scheduledFor == null && call.answered == null) {
            of(call).failed(clock(call.originated), seconds(call.originated, at));
        }
    }

    /** An agent took the answered call: abandoned by the 2-second rule when it waited longer. */
    void linked(OutboundCall call, LocalDateTime at) {
        if (call.scheduledFor == null) {
            LocalDateTime since = call.answered != null ? call.answered : at;
            of(call).agentReached(Math.max(0, seconds(since, at)));
        }
    }

    /** The call with an agent ended after this much talk. */
    void talked(OutboundCall call, long talkSeconds) {
        if (call.scheduledFor == null) {
            of(call).talked(talkSeconds);
        }
    }

    /** The answered call ended without an agent. */
    void abandoned(OutboundCall call) {
        if (call.scheduledFor == null) {
            of(call).agentNeverReached();
        }
    }

    /** What the campaign's calls showed so far, at {@code now} (tests). */
    org.dialerd.core.dialer.Measurements measured(int campaignId, LocalDateTime now) {
        return measurements.computeIfAbsent(campaignId, id -> new CampaignMeasurements()).snapshot(clock(now));
    }

    private CampaignMeasurements of(OutboundCall call) {
        return measurements.computeIfAbsent(call.campaignId, id -> new CampaignMeasurements());
    }

    private double clock(LocalDateTime t) {
        if (origin == null) {
            origin = t;
        }
        return seconds(origin, t);
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private DialerSnapshot snapshot(OutgoingCallStore.Campaign campaign, List<OutboundCall> live,
                                    RunningStats talkStats, RecentCalls recent, LocalDateTime now) {
        List<QueueMember> members = new ArrayList<>();
        for (AgentState state : engine.states()) {
            if (!state.loggedIn || !state.queues.contains(campaign.queue())) {
                continue;
            }
            boolean talking = state.call != null || state.outboundCall != null;
            long talk = state.outboundCall != null && state.outboundCall.linkStart != null
                    ? Duration.between(state.outboundCall.linkStart, now).toSeconds() : 0;
            members.add(new QueueMember(state.number(), talking ? MemberState.INUSE : MemberState.NOT_INUSE,
                    state.pause != null || state.wrapup != null, talk)); // in wrap-up: paused in the queue
        }
        int waiting = (int) live.stream().filter(OutboundCall::waitingInQueue).count();
        int pending = (int) live.stream().filter(OutboundCall::pending).count();
        recent.prune(now);
        DaemonSettings current = settings.get();
        return new DialerSnapshot(members, waiting, pending, 0, live.size(), campaign.maxChannels(), talkStats,
                current.initialAnswerSeconds(), recent.placed(), recent.answered(), current);
    }
}
