package org.dialerd.core.spy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.journal.JournalRecord;
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
 * State is guarded by this object's lock: requests come from ECCP worker threads, events from the
 * gateway's dispatch thread, and both are a few map operations.
 */
public final class SpyControl implements SpyService {
    private static final Logger log = LoggerFactory.getLogger(SpyControl.class);
    /** How long the supervisor's phone rings before Asterisk gives up. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
    /** Q.850 normal clearing. */
    private static final int NORMAL_CLEARING = 16;
    static final String ACTION_PREFIX = "dialerd-spy-";

    private final PbxGateway pbx;
    private final EngineWrites writes;
    private final Clock clock;
    private final Consumer<AgentEvent> events;
    private final String uniqueIdPrefix;
    private final Duration ringTimeout;
    /**
     * Spy channels whose sessions ended when AMI went down: nobody follows or audits them any
     * more, so they are hung up once AMI is back (a supervisor who still listens is cut off
     * rather than listening unaudited).
     */
    private final List<String> orphans = new ArrayList<>();
    /** Live sessions by spy id (the spy channel's uniqueid), in start order. */
    private final Map<String, SpySession> sessions = new LinkedHashMap<>();
    private long counter;

    /**
     * @param events         where spystart and spyend go (the engine's listeners)
     * @param uniqueIdPrefix unique across restarts (as the dialer's uniqueids); the spy channel's
     *                       uniqueid is this plus {@code -s<n>}
     */
    public SpyControl(PbxGateway pbx, EngineWrites writes, Clock clock, Consumer<AgentEvent> events,
                      String uniqueIdPrefix, Duration ringTimeout) {
        this.pbx = pbx;
        this.writes = writes;
        this.clock = clock;
        this.events = events;
        this.uniqueIdPrefix = uniqueIdPrefix;
        this.ringTimeout = ringTimeout;
        pbx.addListener(this::onPbxEvent);
    }

    @Override
    public CompletableFuture<EngineResult> start(SpyRequest request) {
        SpySession live = liveSession(request.supervisor(), request.agentNumber()).orElse(null);
        if (live != null) {
            if (!live.request.extension().equals(request.extension())) {
                return done(EngineResult.failed(409, "Already spying on " + request.agentNumber() + " from extension "
                        + live.request.extension() + " (spystop first to use another extension)"));
            }
            return switchMode(live, request.mode());
        }
        SpySession session;
        synchronized (this) {
            for (SpySession other : sessions.values()) {
                if (other.request.extension().equals(request.extension())) {
                    return done(EngineResult.failed(409, "Extension " + request.extension()
                            + " is already spying on " + other.request.agentNumber()));
                }
            }
            long n = ++counter;
            session = new SpySession(request, uniqueIdPrefix + "-s" + n, ACTION_PREFIX + n);
            sessions.put(session.spyId, session);
            writes.write(new JournalRecord.SpyOpened(session.spyId, request.supervisor(), request.extension(),
                    request.agentNumber(), request.mode().wireName(), now()));
        }
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
            end(session.spyId, "Asterisk refused the spy call: " + why);
            return EngineResult.failed(500, "Cannot start spy call");
        });
    }

    @Override
    public CompletableFuture<EngineResult> stop(String supervisor, String agentNumber) {
        Optional<SpySession> found = liveSession(supervisor, agentNumber);
        if (found.isEmpty()) {
            return done(EngineResult.failed(417, "No spy session on this agent"));
        }
        SpySession session = found.get();
        // By name once Newchannel named it; before that, Asterisk also finds a channel by its uniqueid.
        String channel;
        synchronized (this) {
            channel = session.channel.isEmpty() ? session.spyId : session.channel;
        }
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
        String channel;
        synchronized (this) {
            if (session.mode == mode) {
                return done(EngineResult.status(session.spyId));
            }
            if (!session.connected) {
                return done(EngineResult.failed(409, "The spy call has not started yet (switch the mode after "
                        + "spystart)"));
            }
            channel = session.channelOrId();
        }
        return pbx.send(new PbxAction.PlayDtmf(channel, mode.digit(), true)).handle((reply, error) -> {
            if (error != null || !reply.success()) {
                log.warn("spy session {}: Asterisk refused the DTMF that switches it to {}: {}", session.spyId,
                        mode.wireName(), error == null ? reply.message() : error.getMessage());
                return EngineResult.failed(500, "Cannot switch the spy mode");
            }
            return switched(session, mode);
        });
    }

    private EngineResult switched(SpySession session, SpyMode mode) {
        AgentEvent changed;
        synchronized (this) {
            if (sessions.get(session.spyId) != session) {
                return EngineResult.failed(417, "No spy session on this agent"); // it ended meanwhile
            }
            LocalDateTime now = now();
            SpyRequest r = session.request;
            writes.write(new JournalRecord.SpyClosed(session.auditId, now, "Switched to " + mode.wireName()));
            session.auditId = session.nextAuditId();
            writes.write(new JournalRecord.SpyOpened(session.auditId, r.supervisor(), r.extension(), r.agentNumber(),
                    mode.wireName(), now));
            writes.write(new JournalRecord.SpyConnected(session.auditId, now));
            SpyMode before = session.mode;
            session.mode = mode;
            changed = new AgentEvent.SpyModeChanged(r.agentNumber(), r.supervisor(), r.extension(), mode.wireName(),
                    session.spyId, now);
            log.info("spy session {} switched from {} to {} on agent {}", session.spyId, before.wireName(),
                    mode.wireName(), r.agentNumber());
        }
        events.accept(changed);
        return EngineResult.status(session.spyId);
    }

    private synchronized Optional<SpySession> liveSession(String supervisor, String agentNumber) {
        return sessions.values().stream().filter(s -> s.request.supervisor().equals(supervisor)
                && s.request.agentNumber().equals(agentNumber)).findFirst();
    }

    /** The live sessions' ids (tests, dumps). */
    public synchronized List<String> liveSessions() {
        return new ArrayList<>(sessions.keySet());
    }

    private void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.NewChannel e) {
            synchronized (this) {
                SpySession session = sessions.get(e.uniqueId());
                if (session != null) {
                    session.channel = e.channel();
                }
            }
        } else if (event instanceof PbxEvent.ChanSpyStart e) {
            connected(e);
        } else if (event instanceof PbxEvent.Hangup e) {
            hungUp(e);
        } else if (event instanceof PbxEvent.OriginateResponse e && !e.success()
                && e.actionId().startsWith(ACTION_PREFIX)) {
            failedToRing(e);
        } else if (event instanceof PbxEvent.Disconnected) {
            List<SpySession> live;
            synchronized (this) {
                live = new ArrayList<>(sessions.values());
                live.forEach(s -> orphans.add(s.channelOrId()));
            }
            live.forEach(s -> end(s.spyId, "AMI connection lost: the spy call is hung up when AMI is back"));
        } else if (event instanceof PbxEvent.Connected) {
            hangUpOrphans();
        }
    }

    private void connected(PbxEvent.ChanSpyStart e) {
        AgentEvent started;
        synchronized (this) {
            SpySession session = sessions.get(e.spyerUniqueId());
            if (session == null) {
                session = sessions.values().stream().filter(s -> s.channel.equals(e.spyerChannel()))
                        .findFirst().orElse(null);
            }
            if (session == null || session.connected) {
                return; // not ours (someone's own ChanSpy), or seen already
            }
            session.connected = true;
            LocalDateTime now = now();
            writes.write(new JournalRecord.SpyConnected(session.auditId, now));
            SpyRequest r = session.request;
            started = new AgentEvent.SpyStarted(r.agentNumber(), r.supervisor(), r.extension(), session.mode.wireName(),
                    session.spyId, now);
        }
        log.info("spy session {} started: {} on agent {} ({})", ((AgentEvent.SpyStarted) started).spyId(),
                ((AgentEvent.SpyStarted) started).mode(), started.agentNumber(), e.spyeeChannel());
        events.accept(started);
    }

    private void hungUp(PbxEvent.Hangup e) {
        boolean connected;
        synchronized (this) {
            SpySession session = sessions.get(e.uniqueId());
            if (session == null) {
                return;
            }
            connected = session.connected;
        }
        end(e.uniqueId(), connected ? "The spy call ended (" + e.causeText() + ")"
                : "The spy call ended before ChanSpy started (" + e.causeText() + ")");
    }

    private void failedToRing(PbxEvent.OriginateResponse e) {
        String spyId;
        synchronized (this) {
            spyId = sessions.values().stream().filter(s -> s.actionId.equals(e.actionId())).map(s -> s.spyId)
                    .findFirst().orElse(null);
        }
        if (spyId != null) {
            end(spyId, "The supervisor's extension did not answer (reason " + e.reason() + ")");
        }
    }

    private void hangUpOrphans() {
        List<String> channels;
        synchronized (this) {
            channels = List.copyOf(orphans);
            orphans.clear();
        }
        for (String channel : channels) {
            // "No such channel" is the common answer: the spy call ended while AMI was down.
            pbx.send(new PbxAction.Hangup(channel, NORMAL_CLEARING)).whenComplete((reply, error) -> log.info(
                    "spy channel {} left from before the AMI reconnection: hangup {}", channel,
                    error == null ? reply.message() : error.getMessage()));
        }
    }

    /** Ends the session once, whichever of its endings comes first. */
    private void end(String spyId, String cause) {
        AgentEvent ended;
        synchronized (this) {
            SpySession session = sessions.remove(spyId);
            if (session == null) {
                return;
            }
            LocalDateTime now = now();
            writes.write(new JournalRecord.SpyClosed(session.auditId, now, cause));
            SpyRequest r = session.request;
            ended = new AgentEvent.SpyEnded(r.agentNumber(), r.supervisor(), r.extension(), session.mode.wireName(),
                    spyId, now, cause);
        }
        log.info("spy session {} ended: {}", spyId, cause);
        events.accept(ended);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String capitalized(SpyMode mode) {
        String word = mode.wireName();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static CompletableFuture<EngineResult> done(EngineResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
