package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's audit rows: one per login session, one per break, as journal records with ids
 * dialerd assigns. Rows a previous run left open (killed, crashed) are inherited: the first resync with
 * Asterisk says which agents are still logged in, and those continue their rows (one session
 * stays one row, a break keeps its start) while the rest are closed at the last time known.
 * Engine thread only.
 */
final class AgentRecords {
    private static final Logger log = LoggerFactory.getLogger(AgentRecords.class);

    private final AgentEngine engine;
    private final EngineWrites writes;
    /** Open rows of the previous run by agent id, until the first complete resync settles them. */
    private final Map<Integer, List<AuditStore.OpenRow>> inherited = new HashMap<>();

    AgentRecords(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void inherit(List<AuditStore.OpenRow> rows) {
        for (AuditStore.OpenRow row : rows) {
            inherited.computeIfAbsent(row.agentId(), id -> new ArrayList<>()).add(row);
        }
        if (!rows.isEmpty()) {
            log.info("{} audit rows left open by the previous run: continued for agents Asterisk still has "
                    + "logged in, closed for the others after the first resync", rows.size());
        }
    }

    /** The session row of a login: the inherited one when the agent is being taken over. */
    void openSession(AgentState state) {
        AuditStore.OpenRow row = take(state.agent.id(), null);
        if (row != null) {
            state.loginStart = row.start();
            state.sessionAudit = row.id();
            log.info("agent {}: login session continues audit row {} (since {})", state.number(), row.id(),
                    row.start());
            return;
        }
        state.sessionAudit = open(state.agent.id(), null, state.loginStart, null);
    }

    /**
     * A break begins (pausestart). {@code breakId} 0: Asterisk shows the agent paused with a
     * reason that names no break; the view says paused, but there is no break to write a row for.
     */
    void startPause(AgentState state, int breakId, String breakName) {
        engine.wrapups().end(state, "break", false); // the break's pause replaces the wrap-up's
        AuditStore.OpenRow row = breakId == 0 ? null : take(state.agent.id(), breakId);
        LocalDateTime start = row != null ? row.start() : engine.now();
        state.pause = new AgentView.Pause(breakId, breakName, start);
        state.pauseChanges++;
        if (row != null) {
            state.pauseAudit = row.id();
            log.info("agent {}: break '{}' continues audit row {} (since {})", state.number(), breakName, row.id(),
                    start);
        } else if (breakId != 0) {
            state.pauseAudit = open(state.agent.id(), breakId, start, null);
        }
        engine.publish(state);
        engine.emit(new AgentEvent.PauseStart(state.number(), "break", breakId, breakName, start));
    }

    void endPause(AgentState state) {
        AgentView.Pause pause = state.pause;
        LocalDateTime end = engine.now();
        if (state.pauseAudit != null) {
            close(state.pauseAudit, pause.start(), end);
        }
        state.pause = null;
        state.pauseAudit = null;
        state.pauseChanges++;
        state.pausedIn.clear();
        engine.publish(state);
        engine.emit(new AgentEvent.PauseEnd(state.number(), "break", pause.breakId(), pause.breakName(),
                pause.start(), end, Duration.between(pause.start(), end).toSeconds()));
    }

    /** Logout or stop: the wrap-up (unpaused: a static member stays in its queues), the break, the session. */
    void closeAll(AgentState state) {
        engine.wrapups().end(state, "logout", true);
        if (state.pause != null) {
            endPause(state);
        }
        if (state.sessionAudit != null) {
            close(state.sessionAudit, state.loginStart, engine.now());
            state.sessionAudit = null;
        }
    }

    /** Whether inherited rows still wait for a resync to settle them. */
    boolean inheriting() {
        return !inherited.isEmpty();
    }

    /**
     * After a complete resync: what was not continued belongs to agents that are gone (or to
     * breaks and holds that ended while dialerd was down), so it ends at the last time known.
     */
    void closeInherited() {
        int closed = 0;
        for (List<AuditStore.OpenRow> rows : inherited.values()) {
            for (AuditStore.OpenRow row : rows) {
                LocalDateTime end = row.lastKnown().isBefore(row.start()) ? row.start() : row.lastKnown();
                close(row.id(), row.start(), end);
                closed++;
            }
        }
        inherited.clear();
        if (closed > 0) {
            log.info("closed {} audit rows left open by the previous run, each at its agent's last known time",
                    closed);
        }
    }

    /** The hold row the previous run left open for the agent (null: none), no longer inherited. */
    AuditStore.OpenRow takeInheritedHold(AgentState state, int holdBreakId) {
        return take(state.agent.id(), holdBreakId);
    }

    /** The newest inherited row of the agent for this break (null: its session), removed. */
    private AuditStore.OpenRow take(int agentId, Integer breakId) {
        List<AuditStore.OpenRow> rows = inherited.get(agentId);
        if (rows == null) {
            return null;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            AuditStore.OpenRow row = rows.get(i);
            if (java.util.Objects.equals(row.breakId(), breakId)) {
                rows.remove(i);
                if (rows.isEmpty()) {
                    inherited.remove(agentId);
                }
                return row;
            }
        }
        return null;
    }

    /** Opens an audit row with an id dialerd assigns; returns the id. */
    long open(int agentId, Integer breakId, LocalDateTime start, String extParked) {
        long id = writes.newId(IdTable.AUDIT);
        writes.write(new JournalRecord.AuditOpened(id, agentId, breakId, start, extParked));
        return id;
    }

    void close(Long id, LocalDateTime start, LocalDateTime end) {
        if (id != null) {
            writes.write(new JournalRecord.AuditClosed(id, end, Math.max(0, Duration.between(start, end).toSeconds())));
        }
    }
}
