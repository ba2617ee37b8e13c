package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.DoNotCallList;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.dialer.DialDecision;
import org.dialerd.core.dialer.DialStrategies;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.dialer.RunningStats;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound dialer: every few seconds, for each active campaign, asks {@link CampaignDialing}
 * (the strategy of the campaign's dial_mode) how many calls to place, picks them with the {@link CandidatePolicy}, originates them into
 * the campaign queue, and follows each through Ringing → OnQueue → Success → Hangup (or
 * Failure / NoAnswer / Abandoned / ShortCall), writing calls, current_calls and
 * call_progress_log. Decisions run on the engine thread; a round's read waits until the
 * engine's earlier writes reached the database, so it never reads a call older than what was
 * already decided. Writes are journal records; events go out at once.
 */
final class OutboundDialer {
    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);
    private static final int CANDIDATE_ROWS = 200;

    /** What one tick read from the database. */
    private record Reading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, List<CandidateCall>> candidates,
                           Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled, Set<String> doNotCall,
                           Map<Integer, CampaignOptions> options) {}

    /** The dialplan context that connects an answered agent-scheduled call to its agent (as the reference). */
    static final String SCHEDULED_CONTEXT = "llamada_agendada";
    static final String OUTGOING = "outgoing";

    private final AgentEngine engine;
    private final OutgoingCallStore store;
    private final EngineWrites writes;
    /** Read at each decision, so a reload applies from the next round or call end. */
    private final Supplier<DaemonSettings> settings;
    private final DialerSettings dialer;
    private final Map<String, OutboundCall> byActionId = new HashMap<>();
    private final Map<String, OutboundCall> byUniqueId = new HashMap<>();
    private final Map<Integer, RunningStats> stats = new HashMap<>();
    private final RecentCalls recent = new RecentCalls();
    private final CampaignDialing dialing;

    /** Rounds finished so far: a round that finishes after another began after that one's end. */
    long rounds() {
        return rounds;
    }

    /** Calls waiting for their Originate's outcome (by ActionID). Engine thread. */
    int waitingForOriginate() {
        return byActionId.size();
    }

    /** Calls followed by their uniqueid. Engine thread. */
    int followed() {
        return byUniqueId.size();
    }
    private final OriginateWatchdog watchdog;
    private final PreviewDialer preview;
    private final SafeHarbour safeHarbour;
    private long sequence;
    /** Calls that ended so far; a round whose read predates an ending cannot judge "finished". */
    private long endings;
    /** Rounds finished (read and decisions, whatever their outcome); read by tests from any thread. */
    private volatile long rounds;

    OutboundDialer(AgentEngine engine, OutgoingCallStore store, EngineWrites writes, Supplier<DaemonSettings> settings,
                   DialerSettings dialer) {
        this.engine = engine;
        this.store = store;
        this.writes = writes;
        this.settings = settings;
        this.dialer = dialer;
        this.watchdog = new OriginateWatchdog(engine, this, () -> dialer.originateTimeout(settings.get()));
        this.dialing = new CampaignDialing(engine, settings, DialStrategies.standard());
        this.preview = new PreviewDialer(engine, this, store, writes, () -> dialer.roundInterval(settings.get()));
        this.safeHarbour = new SafeHarbour(engine, store, writes);
    }

    PreviewService preview() {
        return preview;
    }

    /** Runs one round now and schedules the next. */
    void start() {
        engine.scheduler().execute(this::tick);
        preview.start();
        safeHarbour.start();
    }

    private void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
            return;
        }
        watchdog.check(List.copyOf(byActionId.values()));
        long endingsBefore = endings;
        writes.readAfterWrites("dialer read", this::read) // after every write already made: no stale candidates
                .thenAcceptAsync(reading -> dial(reading, endings == endingsBefore), engine.scheduler())
                .whenComplete((v, error) -> {
                    rounds++;
                    if (writes.isClosed()) {
                        log.debug("dialer stopped: dialerd is stopping");
                        return;
                    }
                    if (error != null) {
                        log.warn("dialer round failed: {}", error.toString());
                    }
                    engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
                });
    }

    private Reading read() {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), CANDIDATE_ROWS));
            scheduled.put(c.id(), store.scheduledCalls(c.id(), c.retries(), CANDIDATE_ROWS));
        }
        return new Reading(campaigns, candidates, scheduled, new DoNotCallList(store.doNotCall()),
                store.campaignOptions());
    }

    /**
     * @param readIsCurrent no call ended since the read was queued: only then may an empty
     *                      candidate list mean the campaign is finished (an ending retry would
     *                      not be in the read)
     */
    private void dial(Reading reading, boolean readIsCurrent) {
        LocalDateTime now = engine.now();
        engine.metrics.dialerRound();
        for (OutgoingCallStore.Campaign campaign : reading.campaigns()) {
            CampaignWindow window = new CampaignWindow(campaign.startDate(), campaign.endDate(),
                    new DailyWindow(campaign.dailyStart(), campaign.dailyEnd()));
            CampaignActivity activity = window.activity(campaign.status(), now);
            if (activity.newStatus().isPresent()) {
                String status = activity.newStatus().get();
                log.info("campaign {} expired: status {}", campaign.id(), status);
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), status));
                continue;
            }
            if (activity != CampaignActivity.ACTIVE) {
                continue;
            }
            placeScheduled(campaign, reading.scheduled().getOrDefault(campaign.id(), List.of()),
                    reading.doNotCall(), now);
            List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.of());
            List<OutboundCall> live = liveCalls(campaign.id());
            boolean scheduledPending = !reading.scheduled().getOrDefault(campaign.id(), List.of()).isEmpty();
            if (readIsCurrent && !scheduledPending && CandidatePolicy.isFinished(candidates, campaign.retries(), now.toLocalDate(),
                    reading.doNotCall(), live.size())) {
                log.info("campaign {} has nothing left to dial: finished", campaign.id());
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), "T"));
                continue;
            }
            CampaignOptions options = reading.options().getOrDefault(campaign.id(), CampaignOptions.DEFAULTS);
            if (options.mode() == DialMode.PREVIEW) {
                continue; // dials only what an agent accepts (PreviewDialer)
            }
            DialDecision decision = dialing.decide(campaign, options, live, talkStats(campaign), recent, now);
            // Every round, as the reference's debug output (dialer.debug = 1 turns it on).
            log.debug("campaign {}: {}", campaign.id(), decision.explain());
            engine.metrics.dialDecision(campaign.id(), decision.callsToPlace());
            if (decision.callsToPlace() == 0) {
                continue;
            }
            List<String> inCall = live.stream().map(c -> c.phone).toList();
            CandidatePolicy.Selection selection = CandidatePolicy.select(candidates, campaign.retries(), now,
                    reading.doNotCall(), inCall, decision.callsToPlace());
            selection.chosen().forEach(call -> originate(campaign, call, now, null, false));
        }
    }

    /** Agent-scheduled calls whose window is open and whose agent is free: dialled for that agent. */
    private void placeScheduled(OutgoingCallStore.Campaign campaign, List<OutgoingCallStore.ScheduledCall> calls,
                                Set<String> doNotCall, LocalDateTime now) {
        for (OutgoingCallStore.ScheduledCall call : calls) {
            boolean dialling = byActionId.values().stream().anyMatch(c -> c.callId == call.callId());
            AgentState agent = engine.stateByNumber(call.agent()).orElse(null);
            boolean free = agent != null && agent.loggedIn && agent.pause == null && agent.call == null
                    && agent.outboundCall == null && !agent.onHold && agent.wrapup == null && agent.extension != null;
            if (dialling || !free || !call.candidate().window().matches(now)
                    && !call.candidate().window().isUnbounded()) {
                continue;
            }
            if (doNotCall.contains(call.phone())) {
                continue;
            }
            originate(campaign, call.candidate(), now, agent, false);
        }
    }

    List<OutboundCall> liveCalls(int campaignId) {
        return byActionId.values().stream().filter(c -> c.campaignId == campaignId).toList();
    }

    private RunningStats talkStats(OutgoingCallStore.Campaign campaign) {
        return stats.computeIfAbsent(campaign.id(), id -> RunningStats.fromColumns(campaign.completed(),
                campaign.meanTalk(), campaign.deviation()));
    }

    /** Whether the call is being dialled or talked to now. */
    boolean following(long callId) {
        return byActionId.values().stream().anyMatch(c -> c.callId == callId);
    }

    /** A preview call its agent accepted: dialled straight to the agent, as a scheduled call. */
    void originatePreview(OutgoingCallStore.Campaign campaign, CandidateCall call, AgentState agent) {
        originate(campaign, call, engine.now(), agent, true);
    }

    /** {@code forAgent}: an agent-scheduled call, dialled through llamada_agendada to that agent. */
    private void originate(OutgoingCallStore.Campaign campaign, CandidateCall call, LocalDateTime now,
                           AgentState forAgent, boolean preview) {
        String actionId = "dialerd-" + campaign.id() + "-" + call.id() + "-" + (++sequence);
        String uniqueId = dialer.uniqueIdPrefix() + "." + sequence;
        String channel = dialer.channelFor(campaign.trunk(), call.phone());
        OutboundCall live = new OutboundCall(campaign.id(), call.id(), call.phone(), campaign.queue(), campaign.trunk(),
                call.retries() + 1, actionId, uniqueId, now, new CallMeter(engine.metrics, OUTGOING));
        live.session = watchdog.session();
        byActionId.put(actionId, live);
        byUniqueId.put(uniqueId, live);
        live.preview = preview;
        if (forAgent != null) {
            live.scheduledFor = forAgent;
            forAgent.outboundCall = live; // reserved: the predictor and the queues see it busy
            engine.publish(forAgent);
        }
        // The read that chose the call ran after every earlier write, so the call is still dialable.
        writes.write(new JournalRecord.OutgoingPlacing(call.id(), campaign.trunk(), now));
        progress(live, "Placing", null, null, now);
        live.meter.enter(CallPhase.DIALING);
        if (forAgent != null && !preview) {
            engine.emit(new AgentEvent.ScheduledCallPlacing(forAgent.number(), false, campaign.id(), call.id()));
        }
        String context = forAgent != null ? SCHEDULED_CONTEXT : campaign.context();
        String exten = forAgent != null ? forAgent.extension : campaign.queue();
        PbxAction.Originate originate = new PbxAction.Originate(channel, context, exten, 1, "", "",
                "\"" + campaign.name() + "\" <" + call.phone() + ">", dialer.originateTimeout(settings.get()),
                Map.of("ID_CAMPAIGN", String.valueOf(campaign.id()), "ID_CALL", String.valueOf(call.id()),
                        "NUMBER", call.phone(), "QUEUE", campaign.queue(), "CONTEXT", campaign.context()),
                actionId, uniqueId);
        progress(live, "Dialing", null, null, now);
        engine.metrics.callPlaced(campaign.id());
        watchdog.send(live, originate);
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateResponse e) {
            OutboundCall call = byActionId.get(e.actionId());
            if (call != null) {
                originateResponse(call, e);
            }
        } else if (event instanceof PbxEvent.BridgeEnter e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.scheduledFor != null && call.linkStart == null) {
                answered(call, e.channel());
                linkedScheduled(call);
            }
        } else if (event instanceof PbxEvent.QueueCallerJoin e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.joined == null) {
                answered(call, e.channel());
                call.joined = engine.now();
                call.channel = e.channel();
                call.meter.enter(CallPhase.QUEUED);
                writes.write(new JournalRecord.OutgoingQueued(call.callId, call.uniqueId, call.joined));
                progress(call, "OnQueue", null, null, call.joined);
            }
        } else if (event instanceof PbxEvent.AgentConnect e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.linkStart == null) {
                linked(call, e);
            }
        } else if (event instanceof PbxEvent.QueueCallerAbandon e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null && call.linkStart == null && !call.safeHarbour) { // redirected: ends at its hang-up
                abandoned(call);
            }
        } else if (event instanceof PbxEvent.AgentComplete e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null) {
                call.linkStart = call.linkStart != null ? call.linkStart : engine.now(); // its AgentConnect was lost
                ended(call);
            }
        } else if (event instanceof PbxEvent.Hangup e) {
            OutboundCall call = byUniqueId.get(e.uniqueId());
            if (call != null) {
                if (call.linkStart != null) {
                    ended(call);
                } else if (call.joined != null) {
                    abandoned(call);
                } else if (call.answered != null) {
                    // Answered, then gone before reaching the queue: nobody talked to the customer.
                    abandoned(call);
                } else {
                    watchdog.hungUp(call, e); // its OriginateResponse normally follows at once
                }
            }
        } else if (event instanceof PbxEvent.Connected) {
            watchdog.connected();
        }
    }

    /** A call a previous run placed (dialerd restarted): followed from here on. */
    void adopt(OutboundCall call) {
        byActionId.put(call.actionId, call);
        byUniqueId.put(call.uniqueId, call);
    }

    /** Calls Asterisk must have by now (uniqueid, channel), for the resync. */
    void followed(java.util.function.BiConsumer<String, String> into) {
        watchdog.followed(byUniqueId.values(), into);
    }

    private void originateResponse(OutboundCall call, PbxEvent.OriginateResponse e) {
        if (e.success()) {
            answered(call, e.channel());
            return;
        }
        recent.add(engine.now(), false);
        failed(call, OriginateFailure.of(e.reason(), Optional.empty()));
    }

    /**
     * The first sign that the customer answered: OriginateResponse, or the call's own QueueCallerJoin,
     * AgentConnect or BridgeEnter when the originate thread reports after them (ami-traces 04, 08 B).
     * Once: fecha_llamada and the Ringing row come before OnQueue and Success whatever the order.
     */
    private void answered(OutboundCall call, String channel) {
        if (call.answered != null) {
            return;
        }
        LocalDateTime now = engine.now();
        call.answered = now;
        if (call.channel.isEmpty()) {
            call.channel = channel;
        }
        recent.add(now, true);
        dialing.answered(call, now);
        writes.write(new JournalRecord.OutgoingAnswered(call.callId, call.uniqueId, now));
        call.meter.enter(CallPhase.RINGING);
        progress(call, "Ringing", null, null, now);
        safeHarbour.answered(call);
    }

    void failed(OutboundCall call, OriginateFailure failure) {
        forget(call);
        dialing.failed(call, engine.now());
        if (call.scheduledFor != null) {
            if (!call.preview) {
                engine.emit(new AgentEvent.ScheduledCallPlacing(call.scheduledFor.number(), true, call.campaignId,
                        call.callId));
            }
            release(call);
        }
        LocalDateTime now = engine.now();
        String status = failure.status().wireName();
        call.meter.finish(status);
        writes.write(new JournalRecord.OutgoingFailed(call.callId, status, failure.cause(), failure.causeText(), now));
        progress(call, status, null, null, now);
    }

    /** The customer of an agent-scheduled call is bridged to the agent. */
    private void linkedScheduled(OutboundCall call) {
        LocalDateTime now = engine.now();
        AgentState agent = call.scheduledFor;
        call.linkStart = now;
        call.meter.enter(CallPhase.TALKING);
        if (call.joined == null) {
            call.joined = now;
        }
        call.agent = agent;
        int agentId = agent.agent.id();
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, 0));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    /** Frees the agent a scheduled call had reserved. */
    private void release(OutboundCall call) {
        AgentState agent = call.scheduledFor;
        if (agent != null && agent.outboundCall == call) {
            agent.outboundCall = null;
            engine.publish(agent);
        }
    }

    private void linked(OutboundCall call, PbxEvent.AgentConnect e) {
        answered(call, e.channel());
        LocalDateTime now = engine.now();
        call.linkStart = now;
        dialing.linked(call, now);
        call.meter.enter(CallPhase.TALKING);
        if (call.joined == null) {
            call.joined = now;
        }
        AgentState agent = engine.memberAgent(e.iface()).orElse(null);
        if (agent == null) {
            log.debug("campaign call {} taken by {} which is not a tracked agent", call.callId, e.iface());
            return;
        }
        call.agent = agent;
        call.agentChannel = e.destChannel();
        agent.outboundCall = call;
        long wait = Math.max(0, Duration.between(call.joined, now).toSeconds());
        int agentId = agent.agent.id();
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, wait));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    /** The agent sent the call elsewhere: the link ends now, the row keeps the destination. */
    void transferred(OutboundCall call, String extension) {
        if (call.ended || call.agent == null) {
            return;
        }
        writes.write(new JournalRecord.OutgoingTransferred(call.callId, extension));
        ended(call);
    }

    private void ended(OutboundCall call) {
        forget(call);
        LocalDateTime end = engine.now();
        AgentState agent = call.agent;
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        CallStatus status = ShortCallRule.of(settings.get()).finalStatus(duration);
        call.meter.finish(status.wireName());
        writes.write(new JournalRecord.OutgoingEnded(call.callId, status.wireName(), end, duration));
        if (agent == null) {
            // Taken by a queue member dialerd does not track: the row still gets its end.
            release(call);
            progress(call, "Hangup", null, duration, end);
            return;
        }
        dialing.talked(call, duration);
        RunningStats updated = stats.getOrDefault(call.campaignId, RunningStats.EMPTY).afterCall(status, duration);
        stats.put(call.campaignId, updated);
        writes.write(new JournalRecord.CampaignStats(call.campaignId, updated.count(), updated.meanColumn(),
                updated.deviationColumn()));
        if (status == CallStatus.SHORT_CALL) {
            progress(call, "ShortCall", agent.agent.id(), duration, end);
        }
        long logId = progress(call, "Hangup", agent.agent.id(), duration, end);
        if (agent.outboundCall == call) {
            agent.outboundCall = null;
        }
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentUnlinked(agent.number(), call.link(), end, duration,
                status == CallStatus.SHORT_CALL, logId));
    }

    private void abandoned(OutboundCall call) {
        forget(call);
        dialing.abandoned(call);
        release(call);
        LocalDateTime end = engine.now();
        LocalDateTime since = call.joined != null ? call.joined : call.answered;
        long wait = Math.max(0, Duration.between(since, end).toSeconds());
        call.meter.finish(CallStatus.ABANDONED.wireName());
        writes.write(new JournalRecord.OutgoingAbandoned(call.callId, end, wait));
        progress(call, "Abandoned", null, null, end);
    }

    /** The call went on hold or came back: calls status and the progress log. */
    void held(OutboundCall call, boolean held) {
        if (call.ended) {
            return;
        }
        LocalDateTime now = engine.now();
        call.meter.enter(held ? CallPhase.ON_HOLD : CallPhase.TALKING);
        writes.write(new JournalRecord.OutgoingHeld(call.callId, held));
        progress(call, held ? "OnHold" : "OffHold", call.agent == null ? null : call.agent.agent.id(), null, now);
    }

    private void forget(OutboundCall call) {
        if (!call.ended) {
            endings++;
        }
        call.ended = true;
        byActionId.remove(call.actionId);
        byUniqueId.remove(call.uniqueId);
    }

    /** Writes the call_progress_log row and sends callprogress; returns the row's id. */
    private long progress(OutboundCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        String uniqueId = call.answered == null && call.joined == null ? null : call.uniqueId;
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, false, call.campaignId, call.callId, status, call.retry,
                uniqueId, call.trunk, agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent == null ? null : call.agent.number(), when, "outgoing",
                call.campaignId, call.callId, status, call.retry, uniqueId, call.trunk, call.phone, call.queue));
        return logId;
    }
}
