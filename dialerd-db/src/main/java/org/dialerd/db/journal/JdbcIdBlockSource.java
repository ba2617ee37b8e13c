package org.dialerd.db.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.dialerd.core.journal.IdAllocator;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.store.StoreException;

/**
 * Reserves id blocks in {@code dialerd_id_block} with one statement,
 * {@code UPDATE ... SET next_id = LAST_INSERT_ID(GREATEST(next_id, MAX(id) + 1) + count)}: atomic
 * on one server and certified as one write set on a Galera cluster, so two hosts never get the
 * same block. The {@code GREATEST} also steps over rows something else inserted with
 * AUTO_INCREMENT. A table's row is created on first use from its current {@code MAX(id)}.
 */
public final class JdbcIdBlockSource implements IdAllocator.BlockSource {
    private final DataSource dataSource;

    public JdbcIdBlockSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Attempts of one reservation when InnoDB picks it as a deadlock victim or times out its lock. */
    static final int ATTEMPTS = 40;

    /**
     * Reserves the next {@code count} ids of {@code table}. The statements read MAX(id), so they
     * can deadlock with the journal's applier inserting into the same table (at start, while a
     * replay runs): InnoDB then rolls one back, and the reservation is simply made again.
     */
    @Override
    public long reserve(IdTable table, int count) {
        for (int attempt = 1; ; attempt++) {
            try {
                return reserveOnce(table, count);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !(e.getCause() instanceof SQLException sql) || !retryable(sql)) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(250L, 20L * attempt)); // up to about 8 s in all: a replay at start
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Deadlock (SQLSTATE 40001) or lock wait timeout (MariaDB error 1205). */
    static boolean retryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
    }

    private long reserveOnce(IdTable table, int count) {
        // The table name comes from the enum, never from outside: safe to place in the SQL.
        String name = table.tableName();
        String maxPlusOne = "(SELECT COALESCE(MAX(id), 0) + 1 FROM `" + name + "`)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement create = c.prepareStatement("INSERT IGNORE INTO dialerd_id_block (table_name, "
                    + "next_id) SELECT ?, " + maxPlusOne)) {
                create.setString(1, name);
                create.executeUpdate();
            }
            try (PreparedStatement take = c.prepareStatement("UPDATE dialerd_id_block SET next_id = LAST_INSERT_ID("
                    + "GREATEST(next_id, " + maxPlusOne + ") + ?) WHERE table_name = ?")) {
                take.setInt(1, count);
                take.setString(2, name);
                if (take.executeUpdate() != 1) {
                    throw new StoreException("dialerd_id_block has no row for " + name, null);
                }
            }
            try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT LAST_INSERT_ID()")) {
                row.next();
                return row.getLong(1) - count;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot reserve " + count + " " + name + " ids: " + e.getMessage(), e);
        }
    }
}
