package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DialStrategies;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound dialer: every few seconds, for each active campaign, a {@link DialerRound} asks
 * {@link CampaignDialing} (the strategy of the campaign's dial_mode) how many calls to place and
 * picks them; this class originates them into the campaign queue and keeps the calls it follows
 * (by ActionID and uniqueid), and {@link OutboundOutcomes} accounts for each through Ringing →
 * OnQueue → Success → Hangup (or Failure / NoAnswer / Abandoned / ShortCall), writing calls,
 * current_calls and call_progress_log. Decisions run on the engine thread; a round's read waits
 * until the engine's earlier writes reached the database, so it never reads a call older than
 * what was already decided. Writes are journal records; events go out at once.
 */
final class OutboundDialer {
    static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);

    /** The dialplan context that connects an answered agent-scheduled call to its agent (as the reference). */
    static final String SCHEDULED_CONTEXT = "llamada_agendada";
    static final String OUTGOING = "outgoing";

    private final AgentEngine engine;
    private final EngineWrites writes;
    /** Read at each decision, so a reload applies from the next round or call end. */
    private final Supplier<DaemonSettings> settings;
    private final DialerSettings dialer;
    private final Map<String, OutboundCall> byActionId = new HashMap<>();
    private final Map<String, OutboundCall> byUniqueId = new HashMap<>();
    private final OriginateWatchdog watchdog;
    private final PreviewDialer preview;
    private final SafeHarbour safeHarbour;
    private final OutboundOutcomes outcomes;
    private final DialerRound round;
    private long sequence;
    /** Calls that ended so far; a round whose read predates an ending cannot judge "finished". */
    private long endings;

    OutboundDialer(AgentEngine engine, OutgoingCallStore store, EngineWrites writes, Supplier<DaemonSettings> settings,
                   DialerSettings dialer, CampaignOptionsCache options) {
        this.engine = engine;
        this.writes = writes;
        this.settings = settings;
        this.dialer = dialer;
        this.watchdog = new OriginateWatchdog(engine, this, () -> dialer.originateTimeout(settings.get()));
        CampaignDialing dialing = new CampaignDialing(engine, settings, DialStrategies.standard());
        RecentCalls recent = new RecentCalls();
        this.preview = new PreviewDialer(engine, this, store, writes, () -> dialer.roundInterval(settings.get()));
        this.safeHarbour = new SafeHarbour(engine, options, writes);
        this.outcomes = new OutboundOutcomes(engine, this, writes, settings, dialing, recent, safeHarbour, watchdog);
        this.round = new DialerRound(engine, this, outcomes, store, options, writes, settings, dialer, dialing, recent,
                watchdog);
    }

    PreviewService preview() {
        return preview;
    }

    /** Runs one round now and schedules the next. */
    void start() {
        engine.scheduler().execute(round::tick);
        preview.start();
    }

    /** Rounds finished so far: a round that finishes after another began after that one's end. */
    long rounds() {
        return round.rounds();
    }

    /** Calls waiting for their Originate's outcome (by ActionID). Engine thread. */
    int waitingForOriginate() {
        return byActionId.size();
    }

    /** Calls followed by their uniqueid. Engine thread. */
    int followed() {
        return byUniqueId.size();
    }

    /** Calls that ended so far. Engine thread. */
    long endings() {
        return endings;
    }

    OutboundCall byActionId(String actionId) {
        return byActionId.get(actionId);
    }

    OutboundCall byUniqueId(String uniqueId) {
        return byUniqueId.get(uniqueId);
    }

    /** Every call waiting for its Originate's outcome, for the watchdog. */
    List<OutboundCall> pending() {
        return List.copyOf(byActionId.values());
    }

    List<OutboundCall> liveCalls(int campaignId) {
        return byActionId.values().stream().filter(c -> c.campaignId == campaignId).toList();
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
    void originate(OutgoingCallStore.Campaign campaign, CandidateCall call, LocalDateTime now,
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
        outcomes.progress(live, "Placing", null, null, now);
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
        outcomes.progress(live, "Dialing", null, null, now);
        engine.metrics.callPlaced(campaign.id());
        watchdog.send(live, originate);
    }

    void handle(PbxEvent event) {
        outcomes.handle(event);
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

    void failed(OutboundCall call, OriginateFailure failure) {
        outcomes.failed(call, failure);
    }

    /** The agent sent the call elsewhere: the link ends now, the row keeps the destination. */
    void transferred(OutboundCall call, String extension) {
        outcomes.transferred(call, extension);
    }

    /** The call went on hold or came back: calls status and the progress log. */
    void held(OutboundCall call, boolean held) {
        outcomes.held(call, held);
    }

    /** The call ended: no longer followed. */
    void forget(OutboundCall call) {
        if (!call.ended) {
            endings++;
        }
        call.ended = true;
        byActionId.remove(call.actionId);
        byUniqueId.remove(call.uniqueId);
    }
}
