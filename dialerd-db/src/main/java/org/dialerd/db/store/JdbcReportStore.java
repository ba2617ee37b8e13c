package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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

    private final Jdbc jdbc;
    private final AgentActivityRead activity;

    public JdbcReportStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.activity = new AgentActivityRead(jdbc);
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

    /** One statement ({@link AgentActivityRead}). */
    @Override
    public List<AgentActivity> agentActivity(LocalDate firstDay, LocalDate lastDay) {
        return activity.read(firstDay.atStartOfDay(), lastDay.atTime(LAST_SECOND));
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
