package org.dialerd.jmh.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.dialerd.db.Database;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.SchemaInstaller;

/**
 * The embedded MariaDB with one outgoing campaign of 1,000,000 {@code calls} rows, the shape a
 * large list has after some days of dialling: 55 % never dialled, 15 % Failure, 10 % NoAnswer,
 * 3 % Abandoned, 15 % Success, 0.2 % Placing/Ringing/OnQueue; retries 0..4; 1 % dnc; 10 % with
 * their own window (dates around today, office hours); 0.1 % scheduled for an agent. A second
 * campaign ({@link #NO_WINDOW_CAMPAIGN}) has the first {@value #NO_WINDOW_ROWS} rows' mix with no
 * window at all, the usual case (windows come from schedulecall and the few CSV rows with
 * dates), where the windowed statement must find none quickly; a third
 * ({@link #SPARSE_WINDOW_CAMPAIGN}) has them again with a window on 1 % of the calls only, where
 * the windowed calls are too many to skip and too few to find by walking the campaign in order;
 * and dont_call holds
 * {@value #DONT_CALL_ROWS} numbers. The rows are
 * made by MariaDB itself ({@code seq_1_to_1000000}, deterministic), once: the data directory
 * ({@value #DIRECTORY_PROPERTY}, default {@code /var/tmp/dialerd-jmh-mariadb}) is kept between
 * runs and a database that already holds the rows is reused. The schema is dialerd's own
 * ({@link SchemaInstaller}), so its indexes are the ones under test.
 */
public final class MillionCalls implements AutoCloseable {
    public static final String DIRECTORY_PROPERTY = "dialerd.jmh.mariadb.dir";
    public static final int ROWS = 1_000_000;
    public static final int CAMPAIGN = 1;
    public static final int CAMPAIGN_RETRIES = 5;
    public static final int NO_WINDOW_CAMPAIGN = 2;
    public static final int NO_WINDOW_ROWS = 200_000;
    public static final int SPARSE_WINDOW_CAMPAIGN = 3;
    public static final int DONT_CALL_ROWS = 5_000;
    static final String DATABASE = "dialerd_jmh_calls";
    /*
     * The three campaigns' rows and their indexes are about 400 MB; with MariaDB's default 128 MB
     * buffer pool each statement read from disk the pages the previous benchmark evicted, and the
     * figures measured that (the same 200 primary-key reads took 0.3 or 36 ms). A dialer's database
     * server keeps the campaign it dials in memory; the plans are what is measured here.
     */
    static final String BUFFER_POOL = "--innodb-buffer-pool-size=768M";

    private final EmbeddedMariaDb server;
    private final Database database;

    private MillionCalls(EmbeddedMariaDb server, Database database) {
        this.server = server;
        this.database = database;
    }

    public static MillionCalls open() throws SQLException {
        Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, "/var/tmp/dialerd-jmh-mariadb"));
        EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, EmbeddedMariaDb.ANY_FREE_PORT,
                EmbeddedMariaDb.defaultBinariesDir(), List.of(BUFFER_POOL));
        server.createDatabase(DATABASE);
        Database database = Database.open(server.settings(DATABASE).withPoolSize(2));
        MillionCalls calls = new MillionCalls(server, database);
        SchemaInstaller.installSchema(database.dataSource()); // also adds indexes a newer dialerd has
        calls.fillOnce();
        return calls;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    private void fillOnce() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            if (count(s, "SELECT COUNT(*) FROM calls WHERE id_campaign = " + CAMPAIGN) != ROWS) {
                fillMillion(s);
            }
            if (count(s, "SELECT COUNT(*) FROM calls WHERE id_campaign = " + NO_WINDOW_CAMPAIGN) != NO_WINDOW_ROWS) {
                fillNoWindow(s); // a data directory from before this campaign keeps its million rows
            }
            if (count(s, "SELECT COUNT(*) FROM calls WHERE id_campaign = " + SPARSE_WINDOW_CAMPAIGN) != NO_WINDOW_ROWS) {
                fillSparseWindow(s);
            }
            if (count(s, "SELECT COUNT(*) FROM dont_call") != DONT_CALL_ROWS) {
                s.execute("DELETE FROM dont_call");
                s.execute("INSERT INTO dont_call (id, caller_id, date_income, status) SELECT seq, "
                        + "CONCAT('08', LPAD(seq * 37, 8, '0')), NOW(), 'A' FROM seq_1_to_" + DONT_CALL_ROWS);
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String campaignRow(int id, String name) {
        return "INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, "
                + "trunk, context, queue, max_canales, script, estatus) VALUES (" + id + ", '" + name + "', "
                + "CURDATE() - INTERVAL 10 DAY, CURDATE() + INTERVAL 1 YEAR, '00:00:00', '23:59:59', "
                + CAMPAIGN_RETRIES + ", NULL, 'from-internal', '8000', 30, '', 'A')";
    }

    private void fillMillion(Statement s) throws SQLException {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
        s.execute("DELETE FROM calls");
        s.execute("DELETE FROM campaign");
        s.execute(campaignRow(CAMPAIGN, "A million"));
        // h: a hash of the row number, so the mix is spread over the ids instead of in blocks.
        s.execute("INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, date_init, date_end, time_init, "
                + "time_end, agent) SELECT seq, " + CAMPAIGN + ", CONCAT('09', LPAD(seq, 8, '0')), "
                + "CASE WHEN h < 550 THEN NULL WHEN h < 700 THEN 'Failure' WHEN h < 800 THEN 'NoAnswer' "
                + "WHEN h < 830 THEN 'Abandoned' WHEN h < 980 THEN 'Success' WHEN h < 998 THEN 'ShortCall' "
                + "WHEN h = 998 THEN 'Placing' ELSE 'OnQueue' END, "
                + "CASE WHEN h < 550 THEN 0 ELSE 1 + (seq % 4) END, "
                + "IF(seq % 100 = 7, 1, 0), "
                + "IF(seq % 10 = 3, CURDATE() - INTERVAL (seq % 5) DAY, NULL), "
                + "IF(seq % 10 = 3, CURDATE() + INTERVAL (seq % 7) DAY, NULL), "
                + "IF(seq % 10 = 3, '08:00:00', NULL), IF(seq % 10 = 3, '18:00:00', NULL), "
                + "IF(seq % 1000 = 11, 'Agent/9000', NULL) "
                + "FROM (SELECT seq, (seq * 7919) % 1000 AS h FROM seq_1_to_" + ROWS + ") numbers");
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
        s.execute("ANALYZE TABLE calls");
    }

    /** Campaign 1's first rows again (ids after the million), without their windows. */
    private void fillNoWindow(Statement s) throws SQLException {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
        s.execute("DELETE FROM calls WHERE id_campaign = " + NO_WINDOW_CAMPAIGN);
        s.execute("DELETE FROM campaign WHERE id = " + NO_WINDOW_CAMPAIGN);
        s.execute(campaignRow(NO_WINDOW_CAMPAIGN, "No windows"));
        s.execute("INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, agent) SELECT id + " + ROWS + ", "
                + NO_WINDOW_CAMPAIGN + ", phone, status, retries, dnc, agent FROM calls WHERE id_campaign = "
                + CAMPAIGN + " AND id <= " + NO_WINDOW_ROWS);
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
        s.execute("ANALYZE TABLE calls");
    }

    /** Campaign 1's first rows again (ids after two million), keeping the window of one in a hundred. */
    private void fillSparseWindow(Statement s) throws SQLException {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
        s.execute("DELETE FROM calls WHERE id_campaign = " + SPARSE_WINDOW_CAMPAIGN);
        s.execute("DELETE FROM campaign WHERE id = " + SPARSE_WINDOW_CAMPAIGN);
        s.execute(campaignRow(SPARSE_WINDOW_CAMPAIGN, "Sparse windows"));
        s.execute("INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, agent, date_init, date_end, "
                + "time_init, time_end) SELECT id + 2 * " + ROWS + ", " + SPARSE_WINDOW_CAMPAIGN + ", phone, status, "
                + "retries, dnc, agent, IF(id % 100 = 3, date_init, NULL), IF(id % 100 = 3, date_end, NULL), "
                + "IF(id % 100 = 3, time_init, NULL), IF(id % 100 = 3, time_end, NULL) FROM calls WHERE id_campaign = "
                + CAMPAIGN + " AND id <= " + NO_WINDOW_ROWS);
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
        s.execute("ANALYZE TABLE calls");
    }

    @Override
    public void close() {
        database.close();
        server.close();
    }
}
