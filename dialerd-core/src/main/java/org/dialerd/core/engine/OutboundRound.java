package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.dialer.DialDecision;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.dialer.DoNotCallList;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's round, every {@code dialer.entretiempo} seconds while AMI is up: reads the active
 * campaigns and their candidates after every earlier write, asks {@link CampaignDialing} how many
 * calls each campaign places, picks them with the {@link CandidatePolicy} and originates them
 * (also the agent-scheduled calls whose agent is free). Decisions run on the engine thread.
 */
final class OutboundRound {
    /** The dialer's logger (dialer.debug switches it): the per-round explanations are its. */
    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);
    static final int CANDIDATE_ROWS = 200;
    /**
     * Candidates read per campaign into the window: more than one round places (a round at
     * 200 originates a second, and the next while a slow journal delays the read).
     */
    static final int WINDOW_ROWS = 500;

    /** What one tick read from the database. */
    private record Reading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, List<CandidateCall>> candidates,
                           Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled, Set<String> doNotCall,
                           Map<Integer, CampaignOptions> options) {}

    private final AgentEngine engine;
    private final OutgoingCallStore store;
    private final EngineWrites writes;
    private final Supplier<DaemonSettings> settings;
    private final DialerSettings dialer;
    private final OutboundCalls calls;
    private final CampaignDialing dialing;
    private final OriginateWatchdog watchdog;
    private final OutboundProgress progress;
    private final CandidateWindow<Reading> window = new CandidateWindow<>();
    private long sequence;
    /** Rounds finished (read and decisions, whatever their outcome); read by tests from any thread. */
    private volatile long rounds;

    OutboundRound(AgentEngine engine, OutgoingCallStore store, EngineWrites writes, Supplier<DaemonSettings> settings,
                  DialerSettings dialer, OutboundCalls calls, CampaignDialing dialing, OriginateWatchdog watchdog,
                  OutboundProgress progress) {
        this.engine = engine;
        this.store = store;
        this.writes = writes;
        this.settings = settings;
        this.dialer = dialer;
        this.calls = calls;
        this.dialing = dialing;
        this.watchdog = watchdog;
        this.progress = progress;
    }

    /** Rounds finished so far: a round that finishes after another began after that one's end. */
    long rounds() {
        return rounds;
    }

    void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
            return;
        }
        watchdog.check(calls.all());
        if (window.current().isEmpty()) {
            // The first round waits for its read; every later one dials from the window at once.
            if (window.refillDue()) {
                refill().whenComplete((v, error) -> {
                    if (writes.isClosed()) {
                        rounds++;
                        log.debug("dialer stopped: dialerd is stopping");
                        return;
                    }
                    round();
                });
            } else {
                finish(null);
            }
            return;
        }
        round();
    }

    /** Dials from the window, starts the next read (ahead of the next round) and schedules it. */
    private void round() {
        Throwable error = null;
        try {
            window.current().ifPresent(reading -> dial(reading, window.isCurrent(calls.endings())));
        } catch (RuntimeException e) {
            error = e;
        }
        if (window.refillDue() && !writes.isClosed()) {
            refill();
        }
        finish(error);
    }

    private void finish(Throwable error) {
        rounds++;
        if (writes.isClosed()) {
            log.debug("dialer stopped: dialerd is stopping");
            return;
        }
        if (error != null) {
            log.warn("dialer round failed: {}", error.toString());
        }
        engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
    }

    /** Reads the campaigns' rows after every write already made (no stale candidates) into the window. */
    private java.util.concurrent.CompletableFuture<Void> refill() {
        window.refillStarted(calls.endings());
        return writes.readAfterWrites("dialer read", this::read)
                .handleAsync((reading, error) -> {
                    if (error != null) {
                        window.refillFailed();
                        log.warn("dialer read failed: {}", error.toString());
                    } else {
                        window.refilled(reading);
                    }
                    return null;
                }, engine.scheduler());
    }

    private Reading read() {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), WINDOW_ROWS));
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
            if (this.window.isClosed(campaign.id())) {
                continue; // expired or finished since the reading began
            }
            CampaignWindow window = new CampaignWindow(campaign.startDate(), campaign.endDate(),
                    new DailyWindow(campaign.dailyStart(), campaign.dailyEnd()));
            CampaignActivity activity = window.activity(campaign.status(), now);
            if (activity.newStatus().isPresent()) {
                String status = activity.newStatus().get();
                log.info("campaign {} expired: status {}", campaign.id(), status);
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), status));
                this.window.closed(campaign.id());
                continue;
            }
            if (activity != CampaignActivity.ACTIVE) {
                continue;
            }
            placeScheduled(campaign, reading.scheduled().getOrDefault(campaign.id(), List.of()),
                    reading.doNotCall(), now);
            List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.<CandidateCall>of())
                    .stream().filter(c -> !this.window.isPlaced(c.id())).toList();
            List<OutboundCall> live = calls.liveCalls(campaign.id());
            boolean scheduledPending = reading.scheduled().getOrDefault(campaign.id(), List.of()).stream()
                    .anyMatch(c -> !this.window.isPlaced(c.callId()));
            if (readIsCurrent && !scheduledPending && CandidatePolicy.isFinished(candidates, campaign.retries(), now.toLocalDate(),
                    reading.doNotCall(), live.size())) {
                log.info("campaign {} has nothing left to dial: finished", campaign.id());
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), "T"));
                this.window.closed(campaign.id());
                continue;
            }
            CampaignOptions options = reading.options().getOrDefault(campaign.id(), CampaignOptions.DEFAULTS);
            if (options.mode() == DialMode.PREVIEW) {
                continue; // dials only what an agent accepts (PreviewDialer)
            }
            DialDecision decision = dialing.decide(campaign, options, live, calls.talkStats(campaign), calls.recent, now);
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
    private void placeScheduled(OutgoingCallStore.Campaign campaign, List<OutgoingCallStore.ScheduledCall> scheduled,
                                Set<String> doNotCall, LocalDateTime now) {
        for (OutgoingCallStore.ScheduledCall call : scheduled) {
            boolean dialling = calls.following(call.callId()) || window.isPlaced(call.callId());
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

    /** {@code forAgent}: an agent-scheduled (or accepted preview) call, dialled through llamada_agendada to that agent. */
    void originate(OutgoingCallStore.Campaign campaign, CandidateCall call, LocalDateTime now,
                   AgentState forAgent, boolean preview) {
        String actionId = "dialerd-" + campaign.id() + "-" + call.id() + "-" + (++sequence);
        String uniqueId = dialer.uniqueIdPrefix() + "." + sequence;
        String channel = dialer.channelFor(campaign.trunk(), call.phone());
        OutboundCall live = new OutboundCall(campaign.id(), call.id(), call.phone(), campaign.queue(), campaign.trunk(),
                call.retries() + 1, actionId, uniqueId, now, new CallMeter(engine.metrics, OutboundDialer.OUTGOING));
        live.session = watchdog.session();
        calls.add(live);
        live.preview = preview;
        if (forAgent != null) {
            live.scheduledFor = forAgent;
            forAgent.outboundCall = live; // reserved: the predictor and the queues see it busy
            engine.publish(forAgent);
        }
        // The read that chose the call ran after every earlier write, and no call placed since is
        // taken from it again (the window's reservation), so the call is still dialable.
        window.placed(call.id());
        writes.write(new JournalRecord.OutgoingPlacing(call.id(), campaign.trunk(), now));
        progress.progress(live, "Placing", null, null, now);
        live.meter.enter(CallPhase.DIALING);
        if (forAgent != null && !preview) {
            engine.emit(new AgentEvent.ScheduledCallPlacing(forAgent.number(), false, campaign.id(), call.id()));
        }
        String context = forAgent != null ? OutboundDialer.SCHEDULED_CONTEXT : campaign.context();
        String exten = forAgent != null ? forAgent.extension : campaign.queue();
        PbxAction.Originate originate = new PbxAction.Originate(channel, context, exten, 1, "", "",
                "\"" + campaign.name() + "\" <" + call.phone() + ">", dialer.originateTimeout(settings.get()),
                Map.of("ID_CAMPAIGN", String.valueOf(campaign.id()), "ID_CALL", String.valueOf(call.id()),
                        "NUMBER", call.phone(), "QUEUE", campaign.queue(), "CONTEXT", campaign.context()),
                actionId, uniqueId);
        progress.progress(live, "Dialing", null, null, now);
        engine.metrics.callPlaced(campaign.id());
        watchdog.send(live, originate);
    }
}
