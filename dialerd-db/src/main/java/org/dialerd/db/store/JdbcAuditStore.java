package org.dialerd.db.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.StoreException;
import org.dialerd.core.store.TakeoverScope;

/** The {@code audit} table. {@code duration} is a TIME column, written as {@code HH:MM:SS}. */
public final class JdbcAuditStore implements AuditStore {
    private final Jdbc jdbc;

    public JdbcAuditStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long open(int agentId, Integer breakId, LocalDateTime start, String extParked) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit (id_agent, id_break, datetime_init, ext_parked) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, agentId);
                insert.setObject(2, breakId);
                insert.setObject(3, start);
                insert.setString(4, extParked);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new StoreException("audit insert returned no id", null);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void close(long auditId, LocalDateTime end, Duration duration) {
        jdbc.update("UPDATE audit SET datetime_end = ?, duration = ? WHERE id = ? AND datetime_end IS NULL",
                end, time(duration), auditId);
    }

    /**
     * The last time known of an agent: the latest start or end among its audit rows and the
     * latest end of its calls (by the agent index; once at start), never before the row's own
     * start. The reference estimates the end of a session it closes at start the same way.
     */
    private static final String OPEN_ROWS = "SELECT a.id, a.id_agent, a.id_break, b.name AS break_name, "
            + "a.datetime_init, a.ext_parked, GREATEST(a.datetime_init,"
            + " COALESCE((SELECT MAX(GREATEST(x.datetime_init, COALESCE(x.datetime_end, x.datetime_init))) FROM audit x"
            + "  WHERE x.id_agent = a.id_agent), a.datetime_init),"
            + " COALESCE((SELECT MAX(c.end_time) FROM calls c WHERE c.id_agent = a.id_agent), a.datetime_init),"
            + " COALESCE((SELECT MAX(e.datetime_end) FROM call_entry e WHERE e.id_agent = a.id_agent), a.datetime_init))"
            + " AS last_known FROM audit a LEFT JOIN break b ON b.id = a.id_break WHERE a.datetime_end IS NULL";

    @Override
    public List<OpenRow> openRows(TakeoverScope scope) {
        String sql = OPEN_ROWS + " AND " + OwnedRows.condition(IdTable.AUDIT, "a.id", scope) + " ORDER BY a.id";
        return jdbc.list(sql, row -> new OpenRow(row.getLong("id"), row.getInt("id_agent"),
                row.getObject("id_break", Integer.class), row.getString("break_name"),
                row.getObject("datetime_init", LocalDateTime.class), row.getObject("last_known", LocalDateTime.class),
                row.getString("ext_parked")), scope.hostId());
    }

    /** TIME accepts up to 838:59:59; longer sessions are capped there rather than failing the write. */
    static String time(Duration duration) {
        long seconds = Math.max(0, Math.min(duration.toSeconds(), 838L * 3600 + 59 * 60 + 59));
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
