package org.dialerd.db.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.StoreException;

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

    @Override
    public int closeOpenSessions(LocalDateTime end) {
        return jdbc.update("UPDATE audit SET datetime_end = ?, duration = SEC_TO_TIME(GREATEST(0, "
                + "TIMESTAMPDIFF(SECOND, datetime_init, ?))) WHERE datetime_end IS NULL AND id_break IS NULL", end, end);
    }

    /** TIME accepts up to 838:59:59; longer sessions are capped there rather than failing the write. */
    static String time(Duration duration) {
        long seconds = Math.max(0, Math.min(duration.toSeconds(), 838L * 3600 + 59 * 60 + 59));
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
