package org.dialerd.db.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.StoreException;

/** {@code call_entry}, {@code current_call_entry} and incoming {@code call_progress_log} rows. */
public final class JdbcIncomingCallStore implements IncomingCallStore {
    private final Jdbc jdbc;

    public JdbcIncomingCallStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UnfinishedCall> unfinishedCalls() {
        return jdbc.list("SELECT e.id, e.id_queue_call_entry, q.queue, e.id_campaign, e.callerid, e.trunk, e.uniqueid, "
                + "e.datetime_entry_queue, e.datetime_init, e.id_agent FROM call_entry e "
                + "JOIN queue_call_entry q ON q.id = e.id_queue_call_entry WHERE e.datetime_end IS NULL "
                + "AND e.status IN ('en-cola', 'activa', 'hold') ORDER BY e.id",
                row -> new UnfinishedCall(row.getLong("id"), row.getInt("id_queue_call_entry"), row.getString("queue"),
                        Jdbc.nullableInt(row, "id_campaign"), row.getString("callerid"), row.getString("trunk"),
                        row.getString("uniqueid"), row.getObject("datetime_entry_queue", LocalDateTime.class),
                        row.getObject("datetime_init", LocalDateTime.class), Jdbc.nullableInt(row, "id_agent")));
    }

    @Override
    public List<MonitoredQueue> monitoredQueues() {
        record Row(int queueId, String queue, Integer campaignId, LocalDate start, LocalDate end, LocalTime from,
                   LocalTime to) {}
        List<Row> rows = jdbc.list("SELECT q.id, q.queue, c.id AS cid, c.datetime_init, c.datetime_end, "
                + "c.daytime_init, c.daytime_end FROM queue_call_entry q LEFT JOIN campaign_entry c "
                + "ON c.id_queue_call_entry = q.id AND c.estatus = 'A' WHERE q.estatus = 'A' ORDER BY q.id, c.id",
                row -> new Row(row.getInt("id"), row.getString("queue"), Jdbc.nullableInt(row, "cid"),
                        row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                        row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class)));
        Map<Integer, MonitoredQueue> queues = new LinkedHashMap<>();
        Map<Integer, List<IncomingCampaign>> campaigns = new LinkedHashMap<>();
        for (Row row : rows) {
            campaigns.computeIfAbsent(row.queueId(), id -> new ArrayList<>());
            if (row.campaignId() != null) {
                campaigns.get(row.queueId()).add(new IncomingCampaign(row.campaignId(), row.start(), row.end(),
                        row.from(), row.to()));
            }
            queues.putIfAbsent(row.queueId(), new MonitoredQueue(row.queueId(), row.queue(), List.of()));
        }
        List<MonitoredQueue> result = new ArrayList<>();
        queues.forEach((id, q) -> result.add(new MonitoredQueue(id, q.queue(), campaigns.get(id))));
        return result;
    }

    @Override
    public long callEntered(int queueCallEntryId, Integer campaignId, String callerId, String trunk, String uniqueId,
                            LocalDateTime enteredQueue) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO call_entry "
                    + "(id_queue_call_entry, id_campaign, callerid, trunk, uniqueid, datetime_entry_queue, status) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'en-cola')", Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, queueCallEntryId);
                insert.setObject(2, campaignId);
                insert.setString(3, truncate(callerId, 15));
                insert.setString(4, truncate(trunk, 20));
                insert.setString(5, truncate(uniqueId, 32));
                insert.setObject(6, enteredQueue);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new StoreException("call_entry insert returned no id", null);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void callLinked(long callId, int queueCallEntryId, int agentId, String callerId, String uniqueId,
                           String remoteChannel, LocalDateTime linkStart, long waitSeconds) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE call_entry SET status = 'activa', id_agent = ?, datetime_init = ?, "
                    + "duration_wait = ? WHERE id = ?", agentId, linkStart, waitSeconds, callId);
            Jdbc.update(connection, "INSERT INTO current_call_entry (id_agent, id_queue_call_entry, id_call_entry, "
                    + "callerid, datetime_init, uniqueid, ChannelClient, hold) VALUES (?, ?, ?, ?, ?, ?, ?, 'N')",
                    agentId, queueCallEntryId, callId, truncate(callerId, 15), linkStart, truncate(uniqueId, 32),
                    truncate(remoteChannel, 32));
            return null;
        });
    }

    @Override
    public void callFinished(long callId, LocalDateTime end, long durationSeconds) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE call_entry SET status = 'terminada', datetime_end = ?, duration = ? "
                    + "WHERE id = ?", end, durationSeconds, callId);
            Jdbc.update(connection, "DELETE FROM current_call_entry WHERE id_call_entry = ?", callId);
            return null;
        });
    }

    @Override
    public void callTransferred(long callId, String extension, LocalDateTime end, long durationSeconds) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE call_entry SET status = 'terminada', transfer = ?, datetime_end = ?, "
                    + "duration = ? WHERE id = ?", truncate(extension, 6), end, durationSeconds, callId);
            Jdbc.update(connection, "DELETE FROM current_call_entry WHERE id_call_entry = ?", callId);
            return null;
        });
    }

    @Override
    public void callAbandoned(long callId, LocalDateTime end, long waitSeconds) {
        jdbc.update("UPDATE call_entry SET status = 'abandonada', datetime_end = ?, duration_wait = ? WHERE id = ?",
                end, waitSeconds, callId);
    }

    @Override
    public void callHeld(long callId, boolean held) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE call_entry SET status = ? WHERE id = ?", held ? "hold" : "activa", callId);
            Jdbc.update(connection, "UPDATE current_call_entry SET hold = ? WHERE id_call_entry = ?",
                    held ? "S" : "N", callId);
            return null;
        });
    }

    @Override
    public void callLostTrack(long callId, LocalDateTime end) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE call_entry SET status = 'fin-monitoreo' WHERE id = ?", callId);
            Jdbc.update(connection, "DELETE FROM current_call_entry WHERE id_call_entry = ?", callId);
            return null;
        });
    }

    @Override
    public long progress(long callId, Integer campaignId, String newStatus, String uniqueId, String trunk,
                         Integer agentId, Long durationSeconds, LocalDateTime when) {
        return jdbc.insert("INSERT INTO call_progress_log (datetime_entry, id_campaign_incoming, id_call_incoming, "
                + "new_status, retry, uniqueid, trunk, id_agent, duration) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)",
                when, campaignId, callId, newStatus, truncate(uniqueId, 32), truncate(trunk, 20), agentId,
                durationSeconds);
    }

    /** The columns are narrow (callerid 15, trunk 20); a longer value must not lose the row. */
    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
