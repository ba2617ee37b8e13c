package org.dialerd.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The originate scenario's own rows in dialerd's database (its embedded MariaDB, reached over
 * JDBC from outside as the Issabel web UI reaches it), and the accounting afterwards: what
 * dialerd wrote for every call the simulator saw originated. Nothing of dialerd's code is used.
 */
final class CallCenterDb implements AutoCloseable {
    /** Numbers that are busy at once, and numbers that answer and talk (bench-customers context). */
    static final String BUSY_PREFIX = "71";
    static final String ANSWER_PREFIX = "72";
    static final String QUEUE = "8000";
    static final int FIRST_AGENT = 1100;

    private final Connection db;

    private CallCenterDb(Connection db) {
        this.db = db;
    }

    static CallCenterDb connect(int port) throws SQLException {
        return new CallCenterDb(DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/call_center?rewriteBatchedStatements=true", "root", ""));
    }

    /** Dynamic agents SIP/1100... (ECCP password "demo"), members of queue 8000 in dialerd_queue_member. */
    List<String> seedAgents(int count) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement agent = db.prepareStatement("INSERT INTO agent (type, number, name, password, estatus,"
                + " eccp_password) VALUES ('SIP', ?, ?, ?, 'A', 'demo')", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement member = db.prepareStatement(
                     "INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES (?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                String number = String.valueOf(FIRST_AGENT + i);
                agent.setString(1, number);
                agent.setString(2, "Bench " + number);
                agent.setString(3, number);
                agent.executeUpdate();
                try (ResultSet key = agent.getGeneratedKeys()) {
                    key.next();
                    member.setLong(1, key.getLong(1));
                }
                member.setString(2, QUEUE);
                member.addBatch();
                numbers.add(number);
            }
            member.executeBatch();
        }
        return numbers;
    }

    /**
     * An active progressive campaign on queue 8000 (context from-queue), one attempt per number,
     * {@code numbers} never-dialled calls of which {@code answerPercent} % answer; the demo's
     * campaign is stopped so every originate of the run is this campaign's. Returns its id.
     */
    long seedCampaign(int numbers, int answerPercent) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE campaign SET estatus = 'I' WHERE id = 1");
            s.executeUpdate("INSERT INTO campaign (name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                    + " trunk, context, queue, max_canales, script, estatus) VALUES ('Bench originate',"
                    + " CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR, '00:00:00', '23:59:59', 1, NULL,"
                    + " 'from-queue', '" + QUEUE + "', 0, '', 'I')", Statement.RETURN_GENERATED_KEYS);
            long id;
            try (ResultSet key = s.getGeneratedKeys()) {
                key.next();
                id = key.getLong(1);
            }
            s.executeUpdate("INSERT INTO dialerd_campaign_options (id_campaign, dial_mode) VALUES (" + id
                    + ", 'progressive')");
            try (PreparedStatement call = db.prepareStatement("INSERT INTO calls (id_campaign, phone) VALUES (?, ?)")) {
                for (int i = 0; i < numbers; i++) {
                    boolean answers = i % 100 < answerPercent;
                    call.setLong(1, id);
                    call.setString(2, (answers ? ANSWER_PREFIX : BUSY_PREFIX) + String.format("%07d", i));
                    call.addBatch();
                    if (i % 5_000 == 4_999) {
                        call.executeBatch();
                    }
                }
                call.executeBatch();
            }
            return id;
        }
    }

    /** valor_config dialer.entretiempo (seconds between dialer rounds); dialerd reads it again on SIGHUP. */
    void roundInterval(int seconds) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO valor_config (config_key, config_value)"
                + " VALUES ('dialer.entretiempo', ?) ON DUPLICATE KEY UPDATE config_value = VALUES(config_value)")) {
            s.setString(1, String.valueOf(seconds));
            s.executeUpdate();
        }
    }

    /** Retried on a deadlock: dialerd's journal writes the same campaign row (its statistics). */
    void campaignStatus(long campaign, String status) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement s = db.prepareStatement("UPDATE campaign SET estatus = ? WHERE id = ?")) {
                s.setString(1, status);
                s.setLong(2, campaign);
                s.executeUpdate();
                return;
            } catch (java.sql.SQLTransactionRollbackException deadlock) {
                if (attempt >= 20) {
                    throw deadlock;
                }
            }
        }
    }

    /**
     * What dialerd recorded for the campaign. {@code attempted}: calls rows with an attempt;
     * {@code dialledTwice}: rows with more than one (the campaign allows one); {@code open}: attempted
     * rows without a final status; {@code badPlacing}/{@code badEnd}: attempted calls without
     * exactly one Placing row / exactly one final row (Failure, NoAnswer, Abandoned, Hangup) in
     * call_progress_log; {@code duplicateRows}: (call, status) pairs logged more than once;
     * {@code strayRows}: progress rows of calls never attempted.
     */
    record Accounting(long attempted, long dialledTwice, long open, long badPlacing, long badEnd, long duplicateRows,
                      long strayRows, long progressRows, String statuses) {
        boolean clean() {
            return dialledTwice == 0 && open == 0 && badPlacing == 0 && badEnd == 0 && duplicateRows == 0
                    && strayRows == 0;
        }
    }

    Accounting accounting(long campaign) throws SQLException {
        long attempted = count("SELECT COUNT(*) FROM calls WHERE id_campaign = ? AND retries > 0", campaign);
        long twice = count("SELECT COUNT(*) FROM calls WHERE id_campaign = ? AND retries > 1", campaign);
        long open = count("SELECT COUNT(*) FROM calls WHERE id_campaign = ? AND retries > 0 AND (status IS NULL OR"
                + " status NOT IN ('Failure', 'NoAnswer', 'Abandoned', 'Success', 'ShortCall'))", campaign);
        String perCall = "SELECT c.id, SUM(p.new_status = 'Placing') AS placing,"
                + " SUM(p.new_status IN ('Failure', 'NoAnswer', 'Abandoned', 'Hangup')) AS ends"
                + " FROM calls c LEFT JOIN call_progress_log p ON p.id_call_outgoing = c.id"
                + " WHERE c.id_campaign = ? AND c.retries > 0 GROUP BY c.id";
        long badPlacing = count("SELECT COUNT(*) FROM (" + perCall + ") t WHERE COALESCE(placing, 0) <> 1", campaign);
        long badEnd = count("SELECT COUNT(*) FROM (" + perCall + ") t WHERE COALESCE(ends, 0) <> 1", campaign);
        long duplicates = count("SELECT COUNT(*) FROM (SELECT id_call_outgoing FROM call_progress_log"
                + " WHERE id_campaign_outgoing = ? GROUP BY id_call_outgoing, new_status HAVING COUNT(*) > 1) t", campaign);
        long stray = count("SELECT COUNT(*) FROM call_progress_log p JOIN calls c ON c.id = p.id_call_outgoing"
                + " WHERE p.id_campaign_outgoing = ? AND c.retries = 0", campaign);
        long rows = count("SELECT COUNT(*) FROM call_progress_log WHERE id_campaign_outgoing = ?", campaign);
        StringBuilder statuses = new StringBuilder();
        try (PreparedStatement s = db.prepareStatement("SELECT COALESCE(status, 'none'), COUNT(*) FROM calls"
                + " WHERE id_campaign = ? AND retries > 0 GROUP BY status ORDER BY status")) {
            s.setLong(1, campaign);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    statuses.append(statuses.isEmpty() ? "" : ",").append(r.getString(1)).append(':').append(r.getLong(2));
                }
            }
        }
        return new Accounting(attempted, twice, open, badPlacing, badEnd, duplicates, stray, rows, statuses.toString());
    }

    private long count(String sql, long campaign) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setLong(1, campaign);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
