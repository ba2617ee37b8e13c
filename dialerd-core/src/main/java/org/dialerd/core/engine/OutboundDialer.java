package org.dialerd.core.engine;

import java.util.List;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DialStrategies;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * The outbound dialer: every few seconds, for each active campaign, asks {@link CampaignDialing}
 * (the strategy of the campaign's dial_mode) how many calls to place, picks them with the
 * {@link org.dialerd.core.dialer.CandidatePolicy}, originates them into the campaign queue
 * ({@link OutboundRound}), and follows each through Ringing → OnQueue → Success → Hangup (or
 * Failure / NoAnswer / Abandoned / ShortCall), writing calls, current_calls and
 * call_progress_log ({@link OutboundCallEvents}, {@link OutboundProgress}). The calls it follows
 * are in {@link OutboundCalls}. Decisions run on the engine thread; a round's read waits until
 * the engine's earlier writes reached the database, so it never reads a call older than what was
 * already decided. Writes are journal records; events go out at once. This class wires its
 * parts and is what the engine sees of them.
 */
final class OutboundDialer {
    static final int CANDIDATE_ROWS = OutboundRound.CANDIDATE_ROWS;
    /** The dialplan context that connects an answered agent-scheduled call to its agent (as the reference). */
    static final String SCHEDULED_CONTEXT = "llamada_agendada";
    static final String OUTGOING = "outgoing";

    private final AgentEngine engine;
    private final OutboundCalls calls = new OutboundCalls();
    private final OriginateWatchdog watchdog;
    private final OutboundRound round;
    private final OutboundCallEvents events;
    private final PreviewDialer preview;
    private final SafeHarbour safeHarbour;

    OutboundDialer(AgentEngine engine, OutgoingCallStore store, EngineWrites writes, Supplier<DaemonSettings> settings,
                   DialerSettings dialer) {
        this.engine = engine;
        this.watchdog = new OriginateWatchdog(engine, this, () -> dialer.originateTimeout(settings.get()));
        CampaignDialing dialing = new CampaignDialing(engine, settings, DialStrategies.standard());
        OutboundProgress progress = new OutboundProgress(engine, writes);
        this.safeHarbour = new SafeHarbour(engine, store, writes);
        this.round = new OutboundRound(engine, store, writes, settings, dialer, calls, dialing, watchdog, progress);
        this.events = new OutboundCallEvents(engine, writes, settings, calls, dialing, watchdog, safeHarbour, progress);
        this.preview = new PreviewDialer(engine, this, store, writes, () -> dialer.roundInterval(settings.get()));
    }

    PreviewService preview() {
        return preview;
    }

    /** Runs one round now and schedules the next. */
    void start() {
        engine.scheduler().execute(round::tick);
        preview.start();
        safeHarbour.start();
    }

    /** Rounds finished so far: a round that finishes after another began after that one's end. */
    long rounds() {
        return round.rounds();
    }

    /** Calls waiting for their Originate's outcome (by ActionID). Engine thread. */
    int waitingForOriginate() {
        return calls.waitingForOriginate();
    }

    /** Calls followed by their uniqueid. Engine thread. */
    int followed() {
        return calls.followed();
    }

    List<OutboundCall> liveCalls(int campaignId) {
        return calls.liveCalls(campaignId);
    }

    /** Whether the call is being dialled or talked to now. */
    boolean following(long callId) {
        return calls.following(callId);
    }

    /** A preview call its agent accepted: dialled straight to the agent, as a scheduled call. */
    void originatePreview(OutgoingCallStore.Campaign campaign, CandidateCall call, AgentState agent) {
        round.originate(campaign, call, engine.now(), agent, true);
    }

    void handle(PbxEvent event) {
        events.handle(event);
    }

    /** A call a previous run placed (dialerd restarted): followed from here on. */
    void adopt(OutboundCall call) {
        calls.add(call);
    }

    /** Calls Asterisk must have by now (uniqueid, channel), for the resync. */
    void followed(java.util.function.BiConsumer<String, String> into) {
        watchdog.followed(calls.followedCalls(), into);
    }

    void failed(OutboundCall call, OriginateFailure failure) {
        events.failed(call, failure);
    }

    /** The agent sent the call elsewhere: the link ends now, the row keeps the destination. */
    void transferred(OutboundCall call, String extension) {
        events.transferred(call, extension);
    }

    /** The call went on hold or came back: calls status and the progress log. */
    void held(OutboundCall call, boolean held) {
        events.held(call, held);
    }
}
