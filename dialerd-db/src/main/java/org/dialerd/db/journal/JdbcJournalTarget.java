package org.dialerd.db.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;
import org.dialerd.core.journal.JournalEntry;
import org.dialerd.core.journal.JournalTarget;
import org.dialerd.core.journal.RejectedWriteException;
import org.dialerd.core.store.StoreException;

/**
 * Applies journal records to MariaDB: each in one transaction that first locks this journal's
 * {@code dialerd_journal_applied} row, skips the record if its seq is not above last_seq, runs
 * the record's statements and advances last_seq. A failure the database will repeat however
 * often it is asked (constraint, bad value, SQL error) is a {@link RejectedWriteException};
 * anything else (connection lost, deadlock, lock wait) is transient.
 */
public final class JdbcJournalTarget implements JournalTarget {
    private final DataSource dataSource;

    /** @param dataSource the applier's own pool, apart from the one requests use */
    public JdbcJournalTarget(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long lastApplied(String hostId) {
        try (Connection c = dataSource.getConnection()) {
            return lastSeq(c, hostId, false);
        } catch (SQLException e) {
            throw new StoreException("cannot read dialerd_journal_applied: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(String hostId, JournalEntry entry) {
        inTransaction(hostId, entry.seq(), c -> RecordStatements.apply(c, hostId, entry.record()));
    }

    @Override
    public java.util.List<String> otherHosts(String hostId) {
        try (Connection c = dataSource.getConnection()) {
            return org.dialerd.db.store.Jdbc.list(c, "SELECT host_id FROM dialerd_journal_applied WHERE host_id <> ? "
                    + "UNION SELECT DISTINCT host_id FROM dialerd_id_range WHERE host_id <> ? ORDER BY 1",
                    row -> row.getString(1), hostId, hostId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the hosts of dialerd_journal_applied: " + e.getMessage(), e);
        }
    }

    /** One transaction: the entries above last_seq, then last_seq to the last entry's seq. */
    @Override
    public void applyAll(String hostId, java.util.List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long first = entries.get(0).seq();
        long last = entries.get(entries.size() - 1).seq();
        inTransaction(hostId, first, last, c -> {
            long applied = lastSeq(c, hostId, false); // already locked by inTransaction
            for (JournalEntry entry : entries) {
                if (entry.seq() > applied) {
                    RecordStatements.apply(c, hostId, entry.record());
                }
            }
        });
    }

    @Override
    public void skip(String hostId, long seq) {
        inTransaction(hostId, seq, c -> { });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(String hostId, long seq, Work work) {
        inTransaction(hostId, seq, seq, work);
    }

    /** Runs {@code work} when last_seq is below {@code last}, then sets last_seq to {@code last}. */
    private void inTransaction(String hostId, long first, long last, Work work) {
        long seq = first;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (lastSeq(c, hostId, true) < last) {
                    work.run(c);
                    try (PreparedStatement advance = c.prepareStatement("INSERT INTO dialerd_journal_applied "
                            + "(host_id, last_seq) VALUES (?, ?) ON DUPLICATE KEY UPDATE last_seq = VALUES(last_seq)")) {
                        advance.setString(1, hostId);
                        advance.setLong(2, last);
                        advance.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw classify(seq, e);
        }
    }

    private static long lastSeq(Connection c, String hostId, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_seq FROM dialerd_journal_applied "
                + "WHERE host_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, hostId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the transaction is rolled back with it.
        }
    }

    /** SQLSTATE 23 (integrity), 22 (data), 42 (syntax / unknown column): the same every time. */
    static RuntimeException classify(long seq, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean permanent = e instanceof SQLIntegrityConstraintViolationException
                || e instanceof SQLSyntaxErrorException
                || e instanceof java.sql.SQLDataException
                || state.startsWith("23") || state.startsWith("22") || state.startsWith("42");
        boolean transientFailure = e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || state.startsWith("08") || state.startsWith("40") || state.startsWith("HY");
        String message = "journal record seq " + seq + ": " + e.getMessage() + " (SQLSTATE " + state + ")";
        if (permanent && !transientFailure) {
            return new RejectedWriteException(message, e);
        }
        return new StoreException(message, e);
    }
}
