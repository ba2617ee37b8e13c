package org.dialerd.core.store;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** The {@code audit} table: login sessions (no break) and breaks/holds of agents. */
public interface AuditStore {
    /** Inserts an open row and returns its id; {@code breakId} null for a login session. */
    long open(int agentId, Integer breakId, LocalDateTime start, String extParked);

    /** Sets the row's end and duration (TIME); a row already closed is left as it is. */
    void close(long auditId, LocalDateTime end, Duration duration);

    /**
     * A row with no end yet: a login session ({@code breakId} null) or a break or hold.
     *
     * @param breakName the break's name (null for a session)
     * @param lastKnown the latest time recorded about the agent (starts and ends of its audit
     *                  rows, ends of its calls), never before the row's start: where the row
     *                  ends if the agent turns out to be gone
     * @param extParked the parking space of a hold row (null for others): where the held customer
     *                  waits, so a restarted dialerd can retrieve it
     */
    record OpenRow(long id, int agentId, Integer breakId, String breakName, LocalDateTime start,
                   LocalDateTime lastKnown, String extParked) {}

    /**
     * The rows a previous run of this host left open (it stopped without closing them, e.g.
     * killed), oldest first; other hosts' rows are theirs ({@link TakeoverScope}). At start the
     * engine continues those of agents Asterisk still has logged in and closes the others at
     * their {@link OpenRow#lastKnown()}.
     */
    List<OpenRow> openRows(TakeoverScope scope);
}
