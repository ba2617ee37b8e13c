package org.dialerd.db.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.store.StoreException;

/**
 * The little JDBC the repositories need: bound parameters only, try-with-resources, results
 * mapped to records, every SQLException turned into a {@link StoreException} that keeps it.
 */
public final class Jdbc {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Runnable afterWrite;

    public Jdbc(DataSource dataSource) {
        this(dataSource, () -> { });
    }

    /**
     * @param afterWrite run after every write ({@link #update}, {@link #insert},
     *                   {@link #inTransaction}), committed or not: the answer cache forgets what it
     *                   read before (dialerd's direct writes invalidate at once)
     */
    public Jdbc(DataSource dataSource, Runnable afterWrite) {
        this.dataSource = dataSource;
        this.afterWrite = afterWrite;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return list(connection, sql, mapper, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        } finally {
            afterWrite.run();
        }
    }

    /** Runs an INSERT and returns the generated id. */
    public long insert(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql,
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException("insert returned no id: " + sql, null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        } finally {
            afterWrite.run();
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed: " + e.getMessage(), e);
        } finally {
            afterWrite.run();
        }
    }

    /**
     * Several reads on one connection without a transaction, each statement its own snapshot:
     * three round trips fewer than {@link #inTransaction} (autocommit off, commit, autocommit on),
     * for the read-only requests whose parts need not come from one snapshot (a call and its
     * attributes, a campaign's counts and its waiting calls).
     */
    public <T> T reading(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** A nullable integer column. */
    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static StoreException failed(String sql, SQLException e) {
        return new StoreException("database statement failed (" + e.getMessage() + "): " + sql, e);
    }
}
