package org.dialerd.core.spy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live spy sessions of {@link SpyControl} and their record: every change of a session is its
 * audit row's journal record and, where the supervisor is told, a spystart, spymode or spyend
 * event. State is guarded by this object's lock (requests come from ECCP worker threads, events
 * from the gateway's dispatch thread); events go out after the lock is released.
 */
final class SpySessions {
    private static final Logger log = LoggerFactory.getLogger(SpyControl.class);

    /** What opening a session gave: the new session, or why another one stands in the way. */
    record Opening(SpySession session, String refusal) {
    }

    /** What a mode switch may do now: nothing (same mode), refuse, or send the digit to this channel. */
    record Switch(boolean unchanged, String refusal, String channel) {
    }

    private final EngineWrites writes;
    private final Clock clock;
    private final Consumer<AgentEvent> events;
    private final String uniqueIdPrefix;
    /**
     * Spy channels whose sessions ended when AMI went down: nobody follows or audits them any
     * more, so they are hung up once AMI is back (a supervisor who still listens is cut off
     * rather than listening unaudited).
     */
    private final List<String> orphans = new ArrayList<>();
    /** Live sessions by spy id (the spy channel's uniqueid), in start order. */
    private final Map<String, SpySession> sessions = new LinkedHashMap<>();
    private long counter;

    SpySessions(EngineWrites writes, Clock clock, Consumer<AgentEvent> events, String uniqueIdPrefix) {
        this.writes = writes;
        this.clock = clock;
        this.events = events;
        this.uniqueIdPrefix = uniqueIdPrefix;
    }

    /** A new session and its audit row, unless the extension already spies on someone. */
    synchronized Opening open(SpyRequest request) {
        for (SpySession other : sessions.values()) {
            if (other.request.extension().equals(request.extension())) {
                return new Opening(null, "Extension " + request.extension() + " is already spying on "
                        + other.request.agentNumber());
            }
        }
        long n = ++counter;
        SpySession session = new SpySession(request, uniqueIdPrefix + "-s" + n, SpyControl.ACTION_PREFIX + n);
        sessions.put(session.spyId, session);
        writes.write(new JournalRecord.SpyOpened(session.spyId, request.supervisor(), request.extension(),
                request.agentNumber(), request.mode().wireName(), now()));
        return new Opening(session, null);
    }

    synchronized Optional<SpySession> live(String supervisor, String agentNumber) {
        return sessions.values().stream().filter(s -> s.request.supervisor().equals(supervisor)
                && s.request.agentNumber().equals(agentNumber)).findFirst();
    }

    synchronized List<String> ids() {
        return new ArrayList<>(sessions.keySet());
    }

    /** The spy channel by name once Newchannel named it, else by its uniqueid. */
    synchronized String channelOf(SpySession session) {
        return session.channelOrId();
    }

    /** Whether the session may switch to {@code mode} now, and on which channel. */
    synchronized Switch canSwitch(SpySession session, SpyMode mode) {
        if (session.mode == mode) {
            return new Switch(true, null, null);
        }
        if (!session.connected) {
            return new Switch(false, "The spy call has not started yet (switch the mode after spystart)", null);
        }
        return new Switch(false, null, session.channelOrId());
    }

    /**
     * Asterisk took the switch: the mode's time so far is closed in the audit and the new one
     * opened, and spymode goes out. False when the session ended meanwhile.
     */
    boolean switched(SpySession session, SpyMode mode) {
        AgentEvent changed;
        synchronized (this) {
            if (sessions.get(session.spyId) != session) {
                return false;
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
        return true;
    }

    /** Newchannel of a spy channel: its name, to hang it up by. */
    synchronized void named(String uniqueId, String channel) {
        SpySession session = sessions.get(uniqueId);
        if (session != null) {
            session.channel = channel;
        }
    }

    /** ChanSpy runs: the audit row's start, and spystart. Someone's own ChanSpy is not ours. */
    void connected(PbxEvent.ChanSpyStart e) {
        AgentEvent.SpyStarted started;
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
        log.info("spy session {} started: {} on agent {} ({})", started.spyId(), started.mode(),
                started.agentNumber(), e.spyeeChannel());
        events.accept(started);
    }

    /** The spy channel hung up: the session ends, with a cause that says whether ChanSpy ran. */
    void hungUp(PbxEvent.Hangup e) {
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

    /** The supervisor's phone did not answer the Originate with this action id. */
    void failedToRing(PbxEvent.OriginateResponse e) {
        String spyId;
        synchronized (this) {
            spyId = sessions.values().stream().filter(s -> s.actionId.equals(e.actionId())).map(s -> s.spyId)
                    .findFirst().orElse(null);
        }
        if (spyId != null) {
            end(spyId, "The supervisor's extension did not answer (reason " + e.reason() + ")");
        }
    }

    /** AMI went down: every session ends, and its channel is kept to be hung up once AMI is back. */
    void lostAmi() {
        List<SpySession> live;
        synchronized (this) {
            live = new ArrayList<>(sessions.values());
            live.forEach(s -> orphans.add(s.channelOrId()));
        }
        live.forEach(s -> end(s.spyId, "AMI connection lost: the spy call is hung up when AMI is back"));
    }

    /** The channels left from before an AMI reconnection, handed over once. */
    synchronized List<String> takeOrphans() {
        List<String> channels = List.copyOf(orphans);
        orphans.clear();
        return channels;
    }

    /** Ends the session once, whichever of its endings comes first. */
    void end(String spyId, String cause) {
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
}
