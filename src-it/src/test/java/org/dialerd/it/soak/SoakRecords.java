package org.dialerd.it.soak;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.dialerd.it.dialer.GroundTruth;

/**
 * The soak's checks of what dialerd wrote against what the PBX did ({@link GroundTruth}): each
 * calls row and its progress log equal to the truth, and, for a call whose AMI messages were
 * lost, at least a complete log: every attempt starts with Placing and ends with one final
 * status, and the row's status is final.
 */
final class SoakRecords {
    static final Set<String> FINAL = Set.of("Failure", "NoAnswer", "Hangup", "Abandoned");
    static final Set<String> CALL_FINAL = Set.of("Success", "ShortCall", "Failure", "NoAnswer", "Abandoned");

    /** Calls equal to the truth, calls that differ (with a complete log), calls with an incomplete log. */
    /** A call whose final row or log is not what the PBX did. */
    record Difference(long callId, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    record Comparison(int equal, List<Difference> differing, List<String> incomplete, Map<String, Integer> statuses) {}

    private final DataSource db;
    private final int campaign;

    SoakRecords(DataSource db, int campaign) {
        this.db = db;
        this.campaign = campaign;
    }

    Map<String, Long> callIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        query("SELECT phone, id FROM calls WHERE id_campaign = " + campaign + " ORDER BY id",
                r -> ids.put(r.getString(1), r.getLong(2)));
        return ids;
    }

    Comparison compare(GroundTruth truth, Map<String, Long> callIds, int shortCallSeconds) {
        Map<Long, GroundTruth.Row> rows = new HashMap<>();
        query("SELECT id, status, retries, failure_cause, failure_cause_txt, duration FROM calls WHERE id_campaign = "
                + campaign + " AND status IS NOT NULL", r -> {
                    int cause = r.getInt(4);
                    Integer failureCause = r.wasNull() ? null : cause;
                    long duration = r.getLong(6);
                    Long talk = r.wasNull() ? null : duration;
                    rows.put(r.getLong(1), new GroundTruth.Row(r.getString(2), r.getInt(3), failureCause,
                            r.getString(5), talk));
                });
        Map<Long, List<String>> logs = new HashMap<>();
        query("SELECT id_call_outgoing, new_status, retry FROM call_progress_log WHERE id_campaign_outgoing = "
                + campaign + " ORDER BY id", r -> logs.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                .add(r.getString(2) + "#" + r.getInt(3)));
        int equal = 0;
        List<Difference> differing = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, List<GroundTruth.Attempt>> attempts = truth.byPhone();
        for (Map.Entry<String, Long> call : callIds.entrySet()) {
            List<GroundTruth.Attempt> tries = attempts.getOrDefault(call.getKey(), List.of());
            GroundTruth.Row row = rows.get(call.getValue());
            List<String> log = logs.getOrDefault(call.getValue(), List.of());
            if (tries.isEmpty()) {
                if (row != null || !log.isEmpty()) {
                    incomplete.add("call " + call.getValue() + " never reached the PBX but has " + row + " " + log);
                }
                continue;
            }
            GroundTruth.Row expected = GroundTruth.expectedRow(tries, shortCallSeconds);
            List<String> expectedLog = new ArrayList<>();
            for (GroundTruth.Attempt attempt : tries) {
                attempt.progress(shortCallSeconds).forEach(s -> expectedLog.add(s + "#" + attempt.number));
            }
            statuses.merge(row == null ? "none" : row.status(), 1, Integer::sum);
            if (expected.equals(row) && expectedLog.equals(log)) {
                equal++;
                continue;
            }
            String what = "call " + call.getValue() + " (" + call.getKey() + "): expected " + expected + " "
                    + expectedLog + ", database " + row + " " + log;
            if (complete(log, tries.size()) && row != null && CALL_FINAL.contains(row.status())) {
                differing.add(new Difference(call.getValue(), what));
            } else {
                incomplete.add(what);
            }
        }
        return new Comparison(equal, differing, incomplete, statuses);
    }

    /** One attempt after the other, each from Placing to one final status. */
    static boolean complete(List<String> log, int attempts) {
        int attempt = 0;
        boolean open = false;
        for (String entry : log) {
            String status = entry.substring(0, entry.indexOf('#'));
            if (status.equals("Placing")) {
                if (open) {
                    return false;
                }
                open = true;
                attempt++;
            } else if (!open) {
                return false;
            } else if (FINAL.contains(status)) {
                open = false;
            }
        }
        return !open && attempt == attempts;
    }

    String value(String sql) {
        List<String> values = new ArrayList<>();
        query(sql, r -> values.add(r.getString(1)));
        return values.isEmpty() ? "" : values.get(0);
    }

    void query(String sql, RowReader reader) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                reader.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
