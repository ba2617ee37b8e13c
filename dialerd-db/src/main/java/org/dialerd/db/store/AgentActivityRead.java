package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.store.ReportStore.AgentActivity;
import org.dialerd.core.store.ReportStore.Interval;
import org.dialerd.core.store.ReportStore.QueueCalls;

/**
 * getagentactivitysummary's read: one statement, one round trip (it was five). The parts are the
 * branches of a {@code UNION ALL}, told apart by {@code part} and laid out on shared columns:
 * <pre>
 *   part 0: an active agent: id (n1), channel (s1), name (s2), login seconds (n2)
 *   part 1: an agent's (n1) answered incoming calls in a queue (s1): seconds (n2), calls (n3)
 *   part 2: the same for outgoing calls
 *   part 3: an agent's (n1) last login session: start (t1), end (t2)
 *   part 4: an agent's (n1) last pause (holds included): start (t1), end (t2)
 * </pre>
 * Every branch takes the range's first and last second; the last-row branches take them twice.
 */
final class AgentActivityRead {
    /**
     * Parts 3 and 4 are the audit row of each agent that started last in the range (ties broken by
     * id), among login sessions (id_break IS NULL) and pauses (id_break IS NOT NULL).
     */
    static final String SQL = """
            SELECT 0 AS part, ag.id AS n1, SUM(TIME_TO_SEC(au.duration)) AS n2, NULL AS n3,
                   CONCAT(ag.type, '/', ag.number) AS s1, ag.name AS s2, NULL AS t1, NULL AS t2
            FROM agent ag
            LEFT JOIN audit au ON au.id_agent = ag.id AND au.id_break IS NULL
                AND au.datetime_init BETWEEN ? AND ?
            WHERE ag.estatus = 'A'
            GROUP BY ag.id, ag.type, ag.number, ag.name
            UNION ALL
            SELECT 1, e.id_agent, SUM(e.duration), COUNT(*), q.queue, NULL, NULL, NULL
            FROM call_entry e
            JOIN queue_call_entry q ON q.id = e.id_queue_call_entry
            WHERE e.datetime_init BETWEEN ? AND ? AND e.id_agent IS NOT NULL
            GROUP BY e.id_agent, q.queue
            UNION ALL
            SELECT 2, c.id_agent, SUM(c.duration), COUNT(*), p.queue, NULL, NULL, NULL
            FROM calls c
            JOIN campaign p ON p.id = c.id_campaign
            WHERE c.start_time BETWEEN ? AND ? AND c.id_agent IS NOT NULL
            GROUP BY c.id_agent, p.queue
            UNION ALL
            SELECT 3, a.id_agent, NULL, NULL, NULL, NULL, a.datetime_init, a.datetime_end
            FROM audit a
            WHERE a.id_break IS NULL AND a.datetime_init BETWEEN ? AND ?
              AND NOT EXISTS (
                SELECT 1 FROM audit b
                WHERE b.id_agent = a.id_agent AND b.id_break IS NULL AND b.datetime_init BETWEEN ? AND ?
                  AND (b.datetime_init > a.datetime_init OR (b.datetime_init = a.datetime_init AND b.id > a.id)))
            UNION ALL
            SELECT 4, a.id_agent, NULL, NULL, NULL, NULL, a.datetime_init, a.datetime_end
            FROM audit a
            WHERE a.id_break IS NOT NULL AND a.datetime_init BETWEEN ? AND ?
              AND NOT EXISTS (
                SELECT 1 FROM audit b
                WHERE b.id_agent = a.id_agent AND b.id_break IS NOT NULL AND b.datetime_init BETWEEN ? AND ?
                  AND (b.datetime_init > a.datetime_init OR (b.datetime_init = a.datetime_init AND b.id > a.id)))
            ORDER BY part, n1, s1""";

    private final Jdbc jdbc;

    AgentActivityRead(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<AgentActivity> read(LocalDateTime from, LocalDateTime to) {
        Parts parts = new Parts();
        jdbc.list(SQL, parts::add, from, to, from, to, from, to, from, to, from, to, from, to, from, to);
        return parts.agents.stream().map(agent -> new AgentActivity(agent.id, agent.channel, agent.name,
                agent.loginSeconds, parts.incoming.getOrDefault(agent.id, List.of()),
                parts.outgoing.getOrDefault(agent.id, List.of()), Optional.ofNullable(parts.sessions.get(agent.id)),
                Optional.ofNullable(parts.pauses.get(agent.id)))).toList();
    }

    private record Agent(int id, String channel, String name, long loginSeconds) {}

    private static final class Parts {
        final List<Agent> agents = new ArrayList<>();
        final Map<Integer, List<QueueCalls>> incoming = new HashMap<>();
        final Map<Integer, List<QueueCalls>> outgoing = new HashMap<>();
        final Map<Integer, Interval> sessions = new HashMap<>();
        final Map<Integer, Interval> pauses = new HashMap<>();

        Void add(ResultSet row) throws SQLException {
            int agent = row.getInt("n1");
            switch (row.getInt("part")) {
                case 0 -> agents.add(new Agent(agent, row.getString("s1"), row.getString("s2"), row.getLong("n2")));
                case 1 -> incoming.computeIfAbsent(agent, id -> new ArrayList<>()).add(queueCalls(row));
                case 2 -> outgoing.computeIfAbsent(agent, id -> new ArrayList<>()).add(queueCalls(row));
                case 3 -> sessions.put(agent, interval(row));
                case 4 -> pauses.put(agent, interval(row));
                default -> throw new SQLException("unknown part " + row.getInt("part") + " of the agent activity");
            }
            return null;
        }

        private static QueueCalls queueCalls(ResultSet row) throws SQLException {
            long seconds = row.getLong("n2");
            OptionalLong sum = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(seconds);
            return new QueueCalls(row.getString("s1"), sum, row.getLong("n3"));
        }

        private static Interval interval(ResultSet row) throws SQLException {
            return new Interval(row.getObject("t1", LocalDateTime.class),
                    Optional.ofNullable(row.getObject("t2", LocalDateTime.class)));
        }
    }
}
