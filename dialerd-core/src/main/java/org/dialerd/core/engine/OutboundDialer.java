package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.dialer.DialDecision;
import org.dialerd.core.dialer.DialerSnapshot;
import org.dialerd.core.dialer.MemberState;
import org.dialerd.core.dialer.Predictor;
import org.dialerd.core.dialer.QueueMember;
import org.dialerd.core.dialer.RunningStats;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound dialer: every few seconds, for each active campaign, asks the {@link Predictor}
 * how many calls to place, picks them with the {@link CandidatePolicy}, originates them into
 * the campaign queue, and follows each through Ringing → OnQueue → Success → Hangup (or
 * Failure / NoAnswer / Abandoned / ShortCall), writing calls, current_calls and
 * call_progress_log. Decisions run on the engine thread; database reads on the dialer's own
 * thread; writes through the ordered write queue.
 */
final class OutboundDialer {
    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);
    private static final int CANDIDATE_ROWS = 200;
    private static final Duration RECENT = Duration.ofMinutes(30);

    /** What one tick read from the database. */
    private record Reading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, List<CandidateCall>> candidates,
                           Set<String> doNotCall) {}

    private final AgentEngine engine;
    private final OutgoingCallStore store;
    private final WriteQueue writes;
    private final Executor reads;
    private final DaemonSettings settings;
    private final DialerSettings dialer;
    private final Map<String, OutboundCall> byActionId = new HashMap<>();
    private final Map<String, OutboundCall> byUniqueId = new HashMap<>();
    private final Map<Integer, RunningStats> stats = new HashMap<>();
    private final Deque<Object[]> recent = new ArrayDeque<>();
    private long sequence;

    OutboundDialer(AgentEngine engine, OutgoingCallStore store, WriteQueue writes, Executor reads,
                   DaemonSettings settings, DialerSettings dialer) {
        this.engine = engine;
        this.store = store;
        this.writes = writes;
        this.reads = reads;
        this.settings = settings;
        this.dialer = dialer;
    }

    /** Runs one round now and schedules the next. */
    void start() {
        engine.scheduler().execute(this::tick);
    }

    private void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(dialer.interval(), this::tick);
            return;
        }
        CompletableFuture.supplyAsync(this::read, reads)
                .thenAcceptAsync(this::dial, engine.scheduler())
                .whenComplete((v, error) -> {
                    if (error != null) {
                        log.warn("dialer round failed: {}", error.toString());
                    }
                    engine.scheduler().schedule(dialer.interval(), this::tick);
                });
    }

    private Reading read() {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), CANDIDATE_ROWS));
        }
        return new Reading(campaigns, candidates, store.doNotCall());
    }

    private void dial(Reading reading) {
        LocalDateTime now = engine.now();
        for (OutgoingCallStore.Campaign campaign : reading.campaigns()) {
            CampaignWindow window = new CampaignWindow(campaign.startDate(), campaign.endDate(),
                    new DailyWindow(campaign.dailyStart(), campaign.dailyEnd()));
            CampaignActivity activity = window.activity(campaign.status(), now);
            if (activity.newStatus().isPresent()) {
                String status = activity.newStatus().get();
                log.info("campaign {} expired: status {}", campaign.id(), status);
                writes.submit("campaign " + campaign.id() + " expired", () -> store.setCampaignStatus(campaign.id(),
                        status));
                continue;
            }
            if (activity != CampaignActivity.ACTIVE) {
                continue;
            }
            List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.of());
            List<OutboundCall> live = liveCalls(campaign.id());
            if (CandidatePolicy.isFinished(candidates, campaign.retries(), now.toLocalDate(), reading.doNotCall(),
                    live.size())) {
                log.info("campaign {} has nothing left to dial: finished", campaign.id());
                writes.submit("campaign " + campaign.id() + " finished",
                        () -> store.setCampaignStatus(campaign.id(), "T"));
                continue;
            }
            DialDecision decision = Predictor.decide(snapshot(campaign, live, now));
            if (decision.callsToPlace() == 0) {
                continue;
            }
            List<String> inCall = live.stream().map(c -> c.phone).toList();
            CandidatePolicy.Selection selection = CandidatePolicy.select(candidates, campaign.retries(), now,
                    reading.doNotCall(), inCall, decision.callsToPlace());
            log.debug("campaign {}: {}", campaign.id(), decision.explain());
            selection.chosen().forEach(call -> originate(campaign, call, now));
        }
    }

    private List<OutboundCall> liveCalls(int campaignId) {
        return byActionId.values().stream().filter(c -> c.campaignId == campaignId).toList();
    }

    private DialerSnapshot snapshot(OutgoingCallStore.Campaign campaign, List<OutboundCall> live, LocalDateTime now) {
        List<QueueMember> members = new ArrayList<>();
        for (AgentState state : engine.states()) {
            if (!state.loggedIn || !state.queues.contains(campaign.queue())) {
                continue;
            }
            boolean talking = state.call != null || state.outboundCall != null;
            long talk = state.outboundCall != null && state.outboundCall.linkStart != null
                    ? Duration.between(state.outboundCall.linkStart, now).toSeconds() : 0;
            members.add(new QueueMember(state.number(), talking ? MemberState.INUSE : MemberState.NOT_INUSE,
                    state.pause != null, talk));
        }
        int waiting = (int) live.stream().filter(OutboundCall::waitingInQueue).count();
        int pending = (int) live.stream().filter(OutboundCall::pending).count();
        RunningStats talkStats = stats.computeIfAbsent(campaign.id(), id -> RunningStats.fromColumns(
                campaign.completed(), campaign.meanTalk(), campaign.deviation()));
        pruneRecent(now);
        int placed = recent.size();
        int answered = (int) recent.stream().filter(r -> (Boolean) r[1]).count();
        return new DialerSnapshot(members, waiting, pending, 0, live.size(), campaign.maxChannels(), talkStats,
                settings.initialAnswerSeconds(), placed, answered, settings);
    }

    private void pruneRecent(LocalDateTime now) {
        while (!recent.isEmpty() && ((LocalDateTime) recent.peekFirst()[0]).isBefore(now.minus(RECENT))) {
            recent.pollFirst();
        }
    }

    private void originate(OutgoingCallStore.Campaign campaign, CandidateCall call, LocalDateTime now) {
        String actionId = "dialerd-" + campaign.id() + "-" + call.id() + "-" + (++sequence);
        String uniqueId = dialer.uniqueIdPrefix() + "." + sequence;
        String channel = dialer.channelFor(campaign.trunk(), call.phone());
        OutboundCall live = new OutboundCall(campaign.id(), call.id(), call.phone(), campaign.queue(), campaign.trunk(),
                call.retries() + 1, actionId, uniqueId, now);
        byActionId.put(actionId, live);
        byUniqueId.put(uniqueId, live);
        writes.submit("placing call " + call.id(), () -> store.placing(call.id(), campaign.trunk(), now))
                .thenAcceptAsync(ok -> {
                    if (!ok) {
                        forget(live);
                        return;
                    }
                    progress(live, "Placing", null, null, now);
                    PbxAction.Originate originate = new PbxAction.Originate(channel, campaign.context(),
                            campaign.queue(), 1, "", "", "\"" + campaign.name() + "\" <" + call.phone() + ">",
                            dialer.originateTimeout(settings), Map.of("ID_CAMPAIGN", String.valueOf(campaign.id()),
                            "ID_CALL", String.valueOf(call.id()), "NUMBER", call.phone(), "QUEUE", campaign.queue(),
                            "CONTEXT", campaign.context()), actionId, uniqueId);
                    engine.sendOnEngine(originate).thenAccept(reply -> {
                        if (!reply.success()) {
                            failed(live, 0, "Originate refused: " + reply.message());
                        }
                    });
                }, engine.scheduler());
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateResponse e) {
            OutboundCall call = byActionId.get(e.actionId());
            if (call != null) {
                originateResponse(call, e);
            }
        } else if (event instanceof PbxEvent.QueueCallerJoin e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.joined == null) {
                call.joined = engine.now();
                call.channel = e.channel();
                writes.submit("call " + call.callId + " queued", () -> store.queued(call.callId, call.uniqueId,
                        call.joined));
                progress(call, "OnQueue", null, null, call.joined);
            }
        } else if (event instanceof PbxEvent.AgentConnect e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.linkStart == null) {
                linked(call, e);
            }
        } else if (event instanceof PbxEvent.QueueCallerAbandon e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.linkStart == null) {
                abandoned(call);
            }
        } else if (event instanceof PbxEvent.AgentComplete e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null) {
                ended(call);
            }
        } else if (event instanceof PbxEvent.Hangup e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null) {
                if (call.linkStart != null) {
                    ended(call);
                } else if (call.joined != null) {
                    abandoned(call);
                }
            }
        }
    }

    private void originateResponse(OutboundCall call, PbxEvent.OriginateResponse e) {
        LocalDateTime now = engine.now();
        if (e.success()) {
            call.answered = now;
            if (call.channel.isEmpty()) {
                call.channel = e.channel();
            }
            recent.addLast(new Object[] {now, Boolean.TRUE});
            writes.submit("call " + call.callId + " answered", () -> store.answered(call.callId, call.uniqueId, now));
            if (call.joined == null) {
                progress(call, "Ringing", null, null, now);
            }
            return;
        }
        recent.addLast(new Object[] {now, Boolean.FALSE});
        failed(call, e.reason(), null);
    }

    private void failed(OutboundCall call, int reason, String detail) {
        forget(call);
        LocalDateTime now = engine.now();
        String status = reason == 3 ? CallStatus.NO_ANSWER.wireName() : CallStatus.FAILURE.wireName();
        int cause = switch (reason) {
            case 5 -> 17;
            case 3 -> 19;
            case 8 -> 34;
            default -> 0;
        };
        String text = detail != null ? detail : switch (reason) {
            case 5 -> "User busy";
            case 3 -> "No answer";
            case 8 -> "Congestion";
            default -> "Failed";
        };
        writes.submit("call " + call.callId + " failed", () -> store.failed(call.callId, status, cause,
                text.length() > 32 ? text.substring(0, 32) : text, now));
        progress(call, status, null, null, now);
    }

    private void linked(OutboundCall call, PbxEvent.AgentConnect e) {
        LocalDateTime now = engine.now();
        call.linkStart = now;
        if (call.joined == null) {
            call.joined = now;
        }
        AgentState agent = engine.memberAgent(e.iface()).orElse(null);
        if (agent == null) {
            log.info("campaign call {} taken by {} which is not a tracked agent", call.callId, e.iface());
            return;
        }
        call.agent = agent;
        agent.outboundCall = call;
        long wait = Math.max(0, Duration.between(call.joined, now).toSeconds());
        int agentId = agent.agent.id();
        writes.submit("call " + call.callId + " linked", () -> store.linked(call.callId, agentId, agent.number(),
                call.queue, call.uniqueId, call.channel, now, wait));
        progress(call, "Success", agentId, null, now).thenRunAsync(() -> {
            engine.publish(agent);
            engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link()));
        }, engine.scheduler());
    }

    private void ended(OutboundCall call) {
        forget(call);
        LocalDateTime end = engine.now();
        AgentState agent = call.agent;
        if (agent == null) {
            return;
        }
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        ShortCallRule rule = ShortCallRule.of(settings);
        CallStatus status = rule.finalStatus(duration);
        writes.submit("call " + call.callId + " ended", () -> store.ended(call.callId, status.wireName(), end,
                duration));
        RunningStats updated = stats.getOrDefault(call.campaignId, RunningStats.EMPTY).afterCall(status, duration);
        stats.put(call.campaignId, updated);
        writes.submit("campaign " + call.campaignId + " stats", () -> store.campaignStats(call.campaignId,
                updated.count(), updated.meanColumn(), updated.deviationColumn()));
        if (status == CallStatus.SHORT_CALL) {
            progress(call, "ShortCall", agent.agent.id(), duration, end);
        }
        progress(call, "Hangup", agent.agent.id(), duration, end).thenRunAsync(() -> {
            if (agent.outboundCall == call) {
                agent.outboundCall = null;
            }
            engine.publish(agent);
            engine.emit(new AgentEvent.AgentUnlinked(agent.number(), call.link(), end, duration,
                    status == CallStatus.SHORT_CALL));
        }, engine.scheduler());
    }

    private void abandoned(OutboundCall call) {
        forget(call);
        LocalDateTime end = engine.now();
        long wait = Math.max(0, Duration.between(call.joined, end).toSeconds());
        writes.submit("call " + call.callId + " abandoned", () -> store.abandoned(call.callId, end, wait));
        progress(call, "Abandoned", null, null, end);
    }

    /** The call went on hold or came back: calls status and the progress log. */
    void held(OutboundCall call, boolean held) {
        if (call.ended) {
            return;
        }
        LocalDateTime now = engine.now();
        writes.submit("call " + call.callId + (held ? " held" : " resumed"), () -> store.held(call.callId, held));
        progress(call, held ? "OnHold" : "OffHold", call.agent == null ? null : call.agent.agent.id(), null, now);
    }

    private void forget(OutboundCall call) {
        call.ended = true;
        byActionId.remove(call.actionId);
        byUniqueId.remove(call.uniqueId);
    }

    private CompletableFuture<Void> progress(OutboundCall call, String status, Integer agentId, Long duration,
                                             LocalDateTime when) {
        String uniqueId = call.answered == null && call.joined == null ? null : call.uniqueId;
        return writes.submit("progress " + status + " of call " + call.callId, () -> store.progress(call.campaignId,
                call.callId, status, call.retry, uniqueId, call.trunk, agentId, duration, when))
                .thenRunAsync(() -> engine.emit(new AgentEvent.CallProgress(call.agent == null ? null
                        : call.agent.number(), when, "outgoing", call.campaignId, call.callId, status, call.retry,
                        uniqueId, call.trunk, call.phone, call.queue)), engine.scheduler());
    }

    int liveCalls() {
        return byActionId.size();
    }
}
