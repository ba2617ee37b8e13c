package org.dialerd.core.spy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisor listen, whisper and barge. A session is an Originate of the supervisor's extension
 * into {@code ChanSpy(<agent's leg>,<options>)}, with a uniqueid dialerd chooses (the Originate's
 * ChannelId), so every event of the spy channel is matched from the first one:
 *
 * <pre>
 *   spyagent ─▶ SpyOpened (audit row) ─▶ Originate ─▶ ... ChanSpyStart ─▶ SpyConnected, spystart
 *   spyagent, same agent and extension, other mode ─▶ PlayDTMF 4/5/6 (Receive) ─▶ SpyClosed of the
 *            mode's time, SpyOpened + SpyConnected of the new one (id {@code <spy id>/2}, ...), spymode
 *   spystop  ─▶ Hangup of the spy channel ─▶ ChanSpyStop, Hangup ─▶ SpyClosed, spyend
 * </pre>
 *
 * The session also ends when the agent's call ends (ChanSpy's {@code E}: the spy channel hangs
 * up), when the supervisor's phone does not answer (OriginateResponse Failure) or hangs up, and
 * when the AMI connection is lost (dialerd no longer sees the channel, so it can neither follow
 * nor audit it: the session ends, and the channel is hung up once AMI is back).
 * This class is what is sent to Asterisk (Originate, Hangup, PlayDTMF) and where the spy
 * channels' events go; the sessions, their audit rows and events are {@link SpySessions}'s.
 */
public final class SpyControl implements SpyService {
    private static final Logger log = LoggerFactory.getLogger(SpyControl.class);
    /** How long the supervisor's phone rings before Asterisk gives up. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
    /** Q.850 normal clearing. */
    private static final int NORMAL_CLEARING = 16;
    static final String ACTION_PREFIX = "dialerd-spy-";

    private final PbxGateway pbx;
    private final Duration ringTimeout;
    private final SpySessions sessions;

    /**
     * @param events         where spystart and spyend go (the engine's listeners)
     * @param uniqueIdPrefix unique across restarts (as the dialer's uniqueids); the spy channel's
     *                       uniqueid is this plus {@code -s<n>}
     */
    public SpyControl(PbxGateway pbx, EngineWrites writes, Clock clock, Consumer<AgentEvent> events,
                      String uniqueIdPrefix, Duration ringTimeout) {
        this.pbx = pbx;
        this.ringTimeout = ringTimeout;
        this.sessions = new SpySessions(writes, clock, events, uniqueIdPrefix);
        pbx.addListener(this::onPbxEvent);
    }

    @Override
    public CompletableFuture<EngineResult> start(SpyRequest request) {
        SpySession live = sessions.live(request.supervisor(), request.agentNumber()).orElse(null);
        if (live != null) {
            if (!live.request.extension().equals(request.extension())) {
                return done(EngineResult.failed(409, "Already spying on " + request.agentNumber() + " from extension "
                        + live.request.extension() + " (spystop first to use another extension)"));
            }
            return switchMode(live, request.mode());
        }
        SpySessions.Opening opening = sessions.open(request);
        if (opening.session() == null) {
            return done(EngineResult.failed(409, opening.refusal()));
        }
        SpySession session = opening.session();
        log.info("supervisor '{}' on extension {} asks to {} on agent {} ({})", request.supervisor(),
                request.extension(), request.mode().wireName(), request.agentNumber(), request.agentChannel());
        PbxAction.Originate originate = new PbxAction.Originate(request.dialString(), "", "", 1, "ChanSpy",
                request.agentChannel() + "," + request.mode().chanSpyOptions(),
                capitalized(request.mode()) + " " + request.agentNumber() + " <" + request.extension() + ">",
                ringTimeout, Map.of(), session.actionId, session.spyId);
        return pbx.send(originate).handle((reply, error) -> {
            if (error == null && reply.success()) {
                return EngineResult.status(session.spyId);
            }
            String why = error == null ? reply.message() : error.getMessage();
            log.warn("spy call to {} refused by Asterisk: {}", request.dialString(), why);
            sessions.end(session.spyId, "Asterisk refused the spy call: " + why);
            return EngineResult.failed(500, "Cannot start spy call");
        });
    }

    @Override
    public CompletableFuture<EngineResult> stop(String supervisor, String agentNumber) {
        Optional<SpySession> found = sessions.live(supervisor, agentNumber);
        if (found.isEmpty()) {
            return done(EngineResult.failed(417, "No spy session on this agent"));
        }
        // By name once Newchannel named it; before that, Asterisk also finds a channel by its uniqueid.
        String channel = sessions.channelOf(found.get());
        return pbx.send(new PbxAction.Hangup(channel, NORMAL_CLEARING)).handle((reply, error) -> {
            if (error == null && reply.success()) {
                return EngineResult.OK;
            }
            log.warn("hangup of spy channel {} failed: {}", channel, error == null ? reply.message() : error.getMessage());
            return EngineResult.failed(500, "Cannot stop spy call");
        });
    }

    /**
     * A live session to another mode inside the call: ChanSpy (started with {@code d}) hears the
     * mode's DTMF digit as if the supervisor keyed it (PlayDTMF with Receive). Once Asterisk took
     * it, the mode's time so far is closed in the audit and the new one opened, and spymode goes
     * to the supervisor. The same mode again changes nothing.
     */
    private CompletableFuture<EngineResult> switchMode(SpySession session, SpyMode mode) {
        SpySessions.Switch now = sessions.canSwitch(session, mode);
        if (now.unchanged()) {
            return done(EngineResult.status(session.spyId));
        }
        if (now.refusal() != null) {
            return done(EngineResult.failed(409, now.refusal()));
        }
        return pbx.send(new PbxAction.PlayDtmf(now.channel(), mode.digit(), true)).handle((reply, error) -> {
            if (error != null || !reply.success()) {
                log.warn("spy session {}: Asterisk refused the DTMF that switches it to {}: {}", session.spyId,
                        mode.wireName(), error == null ? reply.message() : error.getMessage());
                return EngineResult.failed(500, "Cannot switch the spy mode");
            }
            return sessions.switched(session, mode) ? EngineResult.status(session.spyId)
                    : EngineResult.failed(417, "No spy session on this agent"); // it ended meanwhile
        });
    }

    /** The live sessions' ids (tests, dumps). */
    public List<String> liveSessions() {
        return sessions.ids();
    }

    private void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.NewChannel e) {
            sessions.named(e.uniqueId(), e.channel());
        } else if (event instanceof PbxEvent.ChanSpyStart e) {
            sessions.connected(e);
        } else if (event instanceof PbxEvent.Hangup e) {
            sessions.hungUp(e);
        } else if (event instanceof PbxEvent.OriginateResponse e && !e.success()
                && e.actionId().startsWith(ACTION_PREFIX)) {
            sessions.failedToRing(e);
        } else if (event instanceof PbxEvent.Disconnected) {
            sessions.lostAmi();
        } else if (event instanceof PbxEvent.Connected) {
            hangUpOrphans();
        }
    }

    private void hangUpOrphans() {
        for (String channel : sessions.takeOrphans()) {
            // "No such channel" is the common answer: the spy call ended while AMI was down.
            pbx.send(new PbxAction.Hangup(channel, NORMAL_CLEARING)).whenComplete((reply, error) -> log.info(
                    "spy channel {} left from before the AMI reconnection: hangup {}", channel,
                    error == null ? reply.message() : error.getMessage()));
        }
    }

    private static String capitalized(SpyMode mode) {
        String word = mode.wireName();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static CompletableFuture<EngineResult> done(EngineResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
