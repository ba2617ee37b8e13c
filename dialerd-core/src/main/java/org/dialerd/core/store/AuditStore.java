package org.dialerd.core.store;

import java.time.Duration;
import java.time.LocalDateTime;

/** The {@code audit} table: login sessions (no break) and breaks/holds of agents. */
public interface AuditStore {
    /** Inserts an open row and returns its id; {@code breakId} null for a login session. */
    long open(int agentId, Integer breakId, LocalDateTime start, String extParked);

    /** Sets the row's end and duration (TIME); a row already closed is left as it is. */
    void close(long auditId, LocalDateTime end, Duration duration);

    /**
     * Closes the login sessions still open (left by a run that stopped without closing them),
     * ending them at {@code end}; returns how many were closed. Breaks are left as they are,
     * as the reference daemon does at start-up.
     */
    int closeOpenSessions(LocalDateTime end);
}
