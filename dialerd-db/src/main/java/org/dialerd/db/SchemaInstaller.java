package org.dialerd.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code call_center} schema and seeds the demo data, both from the scripts
 * on the classpath ({@value #SCHEMA_RESOURCE}, {@value #DEMO_DATA_RESOURCE}).
 *
 * <p>The demo data is seeded at most once per database. The marker is the
 * {@code valor_config} row {@value #DEMO_SEEDED_KEY} (value: when it was seeded), inserted
 * in the same transaction as the demo rows: either both are there or neither. Inserting
 * the marker first also serialises two daemons seeding at once (the second one's insert
 * waits on the row lock, then finds the marker). A database that already holds agents or ECCP clients
 * is never seeded: it belongs to a real call center.
 */
public final class SchemaInstaller {

    public static final String SCHEMA_RESOURCE = "sql/schema.sql";
    public static final String DEMO_DATA_RESOURCE = "sql/demo-data.sql";
    /** {@code valor_config.config_key} of the demo-data marker row. */
    public static final String DEMO_SEEDED_KEY = "dialerd.demo_seeded";

    private static final Logger log = LoggerFactory.getLogger(SchemaInstaller.class);

    /** What {@link #seedDemoDataOnce} did. */
    public enum DemoSeed {
        /** The demo rows were inserted now. */
        SEEDED,
        /** The marker row was there: seeded before, nothing done. */
        ALREADY_SEEDED,
        /** No marker, but the database holds agents or ECCP clients: nothing done. */
        SKIPPED_DATABASE_IN_USE
    }

    private SchemaInstaller() {
    }

    /** Creates every missing table and index and the seed rows; safe to run at every start. */
    public static void installSchema(DataSource dataSource) {
        SqlScript schema = SqlScript.fromClasspath(SCHEMA_RESOURCE);
        try (Connection connection = dataSource.getConnection()) {
            schema.runOn(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot install the call_center schema", e);
        }
        log.info("call_center schema installed ({} statements)", schema.statements().size());
    }

    /** The demo's wrap-up times: only the daemon's demo start runs it, once, after the demo data. */
    public static final String DEMO_WRAPUP_RESOURCE = "sql/demo-wrapup.sql";

    /** Gives the demo campaign and incoming queue their wrap-up time ({@value #DEMO_WRAPUP_RESOURCE}). */
    public static void seedDemoWrapups(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SqlScript.fromClasspath(DEMO_WRAPUP_RESOURCE).runOn(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot seed the demo's wrap-up times", e);
        }
    }

    /** The demo's safe harbour and preview campaign: only the daemon's demo start runs it, once, after the wrap-ups. */
    public static final String DEMO_DIALER_RESOURCE = "sql/demo-dialer.sql";

    /** Campaign 1's safe-harbour message and preview campaign 2 on queue 8002 ({@value #DEMO_DIALER_RESOURCE}). */
    public static void seedDemoDialer(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SqlScript.fromClasspath(DEMO_DIALER_RESOURCE).runOn(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot seed the demo's dialer options", e);
        }
    }

    /** Seeds {@value #DEMO_DATA_RESOURCE} unless done before; see the class comment. */
    public static DemoSeed seedDemoDataOnce(DataSource dataSource) {
        SqlScript demo = SqlScript.fromClasspath(DEMO_DATA_RESOURCE);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DemoSeed outcome = seedInTransaction(connection, demo);
                if (outcome == DemoSeed.SEEDED) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                log.info("demo data: {}", outcome);
                return outcome;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot seed the demo data", e);
        }
    }

    private static DemoSeed seedInTransaction(Connection connection, SqlScript demo) throws SQLException {
        // IGNORE: an existing marker is the normal case, not an error worth a driver warning.
        try (PreparedStatement marker = connection.prepareStatement(
                "INSERT IGNORE INTO valor_config (config_key, config_value) VALUES (?, NOW())")) {
            marker.setString(1, DEMO_SEEDED_KEY);
            if (marker.executeUpdate() == 0) {
                return DemoSeed.ALREADY_SEEDED;
            }
        }
        if (holdsRows(connection, "agent") || holdsRows(connection, "eccp_authorized_clients")) {
            return DemoSeed.SKIPPED_DATABASE_IN_USE;
        }
        demo.runOn(connection);
        return DemoSeed.SEEDED;
    }

    private static boolean holdsRows(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table + " LIMIT 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }
}
