package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.dialerd.core.store.ReportStore;

/**
 * Reports over {@code call_progress_log}, {@code audit}, {@code calls} and {@code call_entry},
 * and the {@code dialerd_queue_member} table. Day ranges become the bound parameters
 * {@code firstDay 00:00:00} and {@code lastDay 23:59:59}, as the reference daemon used them.
 */
public final class JdbcReportStore implements ReportStore {
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private static final String LOG_AGENT_AND_VALUES = """
            l.new_status, l.retry, l.uniqueid, l.trunk, l.duration,
            CONCAT(a.type, '/', a.number) AS agent_channel""";

    private static final String OUTGOING_LOG = """
            SELECT l.id, l.datetime_entry, c.phone, p.queue, l.id_campaign_outgoing AS campaign_id,
                   l.id_call_outgoing AS call_id, %s
            FROM call_progress_log l
            JOIN calls c ON c.id = l.id_call_outgoing
            JOIN campaign p ON p.id = l.id_campaign_outgoing AND p.id = c.id_campaign
            LEFT JOIN agent a ON a.id = l.id_agent
            WHERE l.datetime_entry BETWEEN ? AND ? AND l.id_campaign_outgoing = ?""".formatted(LOG_AGENT_AND_VALUES);

    private static final String INCOMING_LOG = """
            SELECT l.id, l.datetime_entry, e.callerid AS phone, q.queue, l.id_campaign_incoming AS campaign_id,
                   l.id_call_incoming AS call_id, %s
            FROM call_progress_log l
            JOIN call_entry e ON e.id = l.id_call_incoming
            JOIN queue_call_entry q ON q.id = e.id_queue_call_entry
            LEFT JOIN agent a ON a.id = l.id_agent
            WHERE l.datetime_entry BETWEEN ? AND ?""".formatted(LOG_AGENT_AND_VALUES);

    private static final String ACTIVE_AGENTS_WITH_LOGIN_TIME = """
            SELECT ag.id, CONCAT(ag.type, '/', ag.number) AS channel, ag.name,
                   SUM(TIME_TO_SEC(au.duration)) AS login_seconds
            FROM agent ag
            LEFT JOIN audit au ON au.id_agent = ag.id AND au.id_break IS NULL
                AND au.datetime_init BETWEEN ? AND ?
            WHERE ag.estatus = 'A'
            GROUP BY ag.id, ag.type, ag.number, ag.name
            ORDER BY ag.id""";

    /** Answered incoming calls: counted by link start, so abandoned calls (no link) are left out. */
    private static final String INCOMING_CALLS_BY_QUEUE = """
            SELECT e.id_agent, q.queue, SUM(e.duration) AS seconds, COUNT(*) AS calls
            FROM call_entry e
            JOIN queue_call_entry q ON q.id = e.id_queue_call_entry
            WHERE e.datetime_init BETWEEN ? AND ? AND e.id_agent IS NOT NULL
            GROUP BY e.id_agent, q.queue
            ORDER BY e.id_agent, q.queue""";

    private static final String OUTGOING_CALLS_BY_QUEUE = """
            SELECT c.id_agent, p.queue, SUM(c.duration) AS seconds, COUNT(*) AS calls
            FROM calls c
            JOIN campaign p ON p.id = c.id_campaign
            WHERE c.start_time BETWEEN ? AND ? AND c.id_agent IS NOT NULL
            GROUP BY c.id_agent, p.queue
            ORDER BY c.id_agent, p.queue""";

    /**
     * The audit row of each agent that started last in the range (ties broken by id), among
     * login sessions ({@code id_break IS NULL}) or pauses ({@code id_break IS NOT NULL}, holds included).
     */
    private static final String LAST_AUDIT_ROW = """
            SELECT a.id_agent, a.datetime_init, a.datetime_end
            FROM audit a
            WHERE a.id_break IS %1$s AND a.datetime_init BETWEEN ? AND ?
              AND NOT EXISTS (
                SELECT 1 FROM audit b
                WHERE b.id_agent = a.id_agent AND b.id_break IS %1$s AND b.datetime_init BETWEEN ? AND ?
                  AND (b.datetime_init > a.datetime_init OR (b.datetime_init = a.datetime_init AND b.id > a.id)))""";

    private final Jdbc jdbc;

    public JdbcReportStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LogEntry> campaignLog(LogSource source, LocalDate firstDay, LocalDate lastDay,
                                      Optional<Newest> newest) {
        List<Object> parameters = new ArrayList<>(List.of(firstDay.atStartOfDay(), lastDay.atTime(LAST_SECOND)));
        StringBuilder sql = new StringBuilder();
        if (source instanceof OutgoingCampaign outgoing) {
            sql.append(OUTGOING_LOG);
            parameters.add(outgoing.campaignId());
        } else if (source instanceof IncomingCampaign incoming) {
            sql.append(INCOMING_LOG).append(" AND l.id_campaign_incoming = ?");
            parameters.add(incoming.campaignId());
        } else if (source instanceof IncomingQueue queue) {
            sql.append(INCOMING_LOG).append(" AND l.id_campaign_incoming IS NULL AND q.queue = ?");
            parameters.add(queue.queue());
        } else {
            throw new IllegalArgumentException("unknown log source " + source);
        }
        if (newest.isEmpty()) {
            sql.append(" ORDER BY l.id");
            return jdbc.list(sql.toString(), JdbcReportStore::logEntry, parameters.toArray());
        }
        newest.get().idBefore().ifPresent(id -> {
            sql.append(" AND l.id < ?");
            parameters.add(id);
        });
        sql.append(" ORDER BY l.id DESC LIMIT ?");
        parameters.add(Math.max(0, newest.get().count()));
        List<LogEntry> descending = new ArrayList<>(
                jdbc.list(sql.toString(), JdbcReportStore::logEntry, parameters.toArray()));
        Collections.reverse(descending);
        return descending;
    }

    @Override
    public List<AgentActivity> agentActivity(LocalDate firstDay, LocalDate lastDay) {
        LocalDateTime from = firstDay.atStartOfDay();
        LocalDateTime to = lastDay.atTime(LAST_SECOND);
        Map<Integer, List<QueueCalls>> incoming = callsByAgent(INCOMING_CALLS_BY_QUEUE, from, to);
        Map<Integer, List<QueueCalls>> outgoing = callsByAgent(OUTGOING_CALLS_BY_QUEUE, from, to);
        Map<Integer, Interval> lastSession = lastAuditRow("NULL", from, to);
        Map<Integer, Interval> lastPause = lastAuditRow("NOT NULL", from, to);
        return jdbc.list(ACTIVE_AGENTS_WITH_LOGIN_TIME, row -> {
            int id = row.getInt("id");
            return new AgentActivity(id, row.getString("channel"), row.getString("name"), row.getLong("login_seconds"),
                    incoming.getOrDefault(id, List.of()), outgoing.getOrDefault(id, List.of()),
                    Optional.ofNullable(lastSession.get(id)), Optional.ofNullable(lastPause.get(id)));
        }, from, to);
    }

    @Override
    public List<QueueMembership> queueMemberships(Collection<Integer> agentIds) {
        List<Integer> ids = agentIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        return jdbc.list("SELECT id_agent, queue, penalty FROM dialerd_queue_member WHERE id_agent IN ("
                        + placeholders + ") ORDER BY id_agent, queue",
                row -> new QueueMembership(row.getInt("id_agent"), row.getString("queue"), row.getInt("penalty")),
                ids.toArray());
    }

    private Map<Integer, List<QueueCalls>> callsByAgent(String sql, LocalDateTime from, LocalDateTime to) {
        Map<Integer, List<QueueCalls>> byAgent = new HashMap<>();
        jdbc.list(sql, row -> {
            long seconds = row.getLong("seconds");
            OptionalLong sum = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(seconds);
            QueueCalls calls = new QueueCalls(row.getString("queue"), sum, row.getLong("calls"));
            byAgent.computeIfAbsent(row.getInt("id_agent"), id -> new ArrayList<>()).add(calls);
            return calls;
        }, from, to);
        return byAgent;
    }

    /** {@code breakTest} is one of two constants, never input: "NULL" (sessions) or "NOT NULL" (pauses). */
    private Map<Integer, Interval> lastAuditRow(String breakTest, LocalDateTime from, LocalDateTime to) {
        Map<Integer, Interval> byAgent = new HashMap<>();
        jdbc.list(LAST_AUDIT_ROW.formatted(breakTest), row -> {
            Interval interval = new Interval(row.getObject("datetime_init", LocalDateTime.class),
                    Optional.ofNullable(row.getObject("datetime_end", LocalDateTime.class)));
            byAgent.put(row.getInt("id_agent"), interval);
            return interval;
        }, from, to, from, to);
        return byAgent;
    }

    private static LogEntry logEntry(ResultSet row) throws SQLException {
        return new LogEntry(row.getLong("id"), row.getObject("datetime_entry", LocalDateTime.class),
                row.getString("phone"), row.getString("queue"), nullableLong(row, "campaign_id"),
                row.getLong("call_id"), row.getString("new_status"), nullableLong(row, "retry"),
                row.getString("uniqueid"), row.getString("trunk"), nullableLong(row, "duration"),
                row.getString("agent_channel"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
