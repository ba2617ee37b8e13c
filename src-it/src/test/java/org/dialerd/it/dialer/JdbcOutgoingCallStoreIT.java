package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CallWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.dialer.QueueOptions;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcOutgoingCallStore;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialer's candidate read, two statements over the dialerd_calls_dialable index, returns the
 * rows the reference's single statement returns, in the same order: calls with a window first,
 * then by retries and id. The campaign's 900 rows mix every status, retries 0..3, dnc, partial and
 * full windows, windows crossing midnight, windows of past and future days, agent reservations
 * and numbers on dont_call, spread over the ids.
 */
class JdbcOutgoingCallStoreIT {
    /** The statement before the split (one ORDER BY on "has no window"): the order to keep. */
    private static final String REFERENCE = "SELECT id FROM calls WHERE id_campaign = ? AND (status IS NULL OR status "
            + "NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND retries < ? AND dnc = 0 "
            + "ORDER BY (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end IS NULL), "
            + "retries, id LIMIT ?";
    /**
     * The windowed statement before it became a deferred join (a plain SELECT that read every
     * walked entry's row to test the window); with {@link #PREVIOUS_UNBOUNDED} what the store ran.
     */
    private static final String PREVIOUS_WINDOWED = "SELECT id, phone, status, retries, dnc, agent, date_init, "
            + "date_end, time_init, time_end FROM calls WHERE id_campaign = ? AND dnc = 0 AND retries < ? AND (status "
            + "IS NULL OR status NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND (date_init IS NOT "
            + "NULL OR (date_init IS NULL AND date_end IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end IS NOT NULL)) "
            + "ORDER BY retries, id LIMIT ?";
    private static final String PREVIOUS_UNBOUNDED = "SELECT id, phone, status, retries, dnc, agent, date_init, "
            + "date_end, time_init, time_end FROM calls WHERE id_campaign = ? AND dnc = 0 AND retries < ? AND (status "
            + "IS NULL OR status NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND date_init IS NULL "
            + "AND date_end IS NULL AND time_init IS NULL AND time_end IS NULL ORDER BY retries, id LIMIT ?";
    private static final int[] LIMITS = {1, 5, 20, 37, 61, 200, 1000};

    private static DataSource dataSource;
    private static Jdbc jdbc;
    private static JdbcOutgoingCallStore store;

    @BeforeAll
    static void load() throws Exception {
        dataSource = TestDatabases.fresh();
        jdbc = new Jdbc(dataSource);
        store = new JdbcOutgoingCallStore(jdbc);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, "
                    + "context, queue, max_canales, script, estatus) VALUES (7, 'Mix', CURDATE(), CURDATE() + "
                    + "INTERVAL 1 YEAR, '00:00:00', '23:59:59', 3, 'from-internal', '8000', 5, '', 'A')");
            s.execute("INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, date_init, date_end, time_init, "
                    + "time_end, agent) SELECT seq, 7, CONCAT('555', seq), ELT(1 + (seq * 7) % 9, NULL, 'Failure', "
                    + "'NoAnswer', 'Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold', 'Abandoned'), (seq * 13) % 4, "
                    + "IF(seq % 17 = 0, 1, 0), IF(seq % 11 = 1, CURDATE(), NULL), IF(seq % 11 = 2, CURDATE(), NULL), "
                    + "IF(seq % 13 = 3, '08:00:00', NULL), IF(seq % 11 = 1 OR seq % 19 = 4, '18:00:00', NULL), "
                    + "IF(seq % 23 = 5, 'Agent/9000', NULL) FROM seq_1_to_600");
            // Windows crossing midnight (22:00-06:00, alone or with dates), windows of days gone and
            // to come, one-sided times; some numbers repeat and some are on dont_call.
            s.execute("INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, date_init, date_end, time_init, "
                    + "time_end, agent) SELECT seq, 7, CONCAT('777', seq % 250), ELT(1 + (seq * 5) % 7, NULL, 'Failure', "
                    + "'NoAnswer', 'Success', 'Ringing', 'Abandoned', 'ShortCall'), (seq * 7) % 4, IF(seq % 31 = 0, 1, 0), "
                    + "ELT(1 + seq % 5, NULL, CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 DAY, NULL, "
                    + "CURDATE() - INTERVAL 3 DAY), ELT(1 + seq % 7, NULL, CURDATE(), CURDATE() - INTERVAL 1 DAY, "
                    + "CURDATE() + INTERVAL 2 DAY, NULL, NULL, CURDATE()), "
                    + "ELT(1 + seq % 4, '22:00:00', NULL, '21:30:00', '06:00:00'), "
                    + "ELT(1 + seq % 3, '06:00:00', NULL, '02:00:00'), "
                    + "IF(seq % 37 = 8, 'Agent/9001', NULL) FROM seq_601_to_900");
            s.execute("INSERT INTO dont_call (id, caller_id, status) SELECT seq, CONCAT('777', seq), 'A' "
                    + "FROM seq_1_to_40");
        }
    }

    /** The store's rows are the previous statements' rows, column for column, whatever the limit. */
    @Test
    void returnsWhatThePreviousStatementsReturnedWhateverTheLimit() {
        for (int limit : LIMITS) {
            assertEquals(previousCandidates(limit), store.candidates(7, 3, limit), "limit " + limit);
        }
    }

    /**
     * The dialer's choice (the reference CandidatePolicy, with dont_call and the numbers in a call)
     * over the store's rows is the choice over the previous statements' rows, at any time of day:
     * inside and outside the midnight-crossing windows, at the edges of the day windows.
     */
    @Test
    void theDialerChoosesTheSameCallsAsWithThePreviousStatementsAtAnyTime() {
        LocalDate today = jdbc.first("SELECT CURDATE()", row -> row.getObject(1, LocalDate.class)).orElseThrow();
        List<String> doNotCall = jdbc.list("SELECT caller_id FROM dont_call", row -> row.getString(1));
        List<String> inCall = List.of("777100", "555123");
        Map<Integer, List<CandidateCall>> previous = new java.util.HashMap<>();
        Map<Integer, List<CandidateCall>> current = new java.util.HashMap<>();
        for (int limit : LIMITS) {
            previous.put(limit, previousCandidates(limit));
            current.put(limit, store.candidates(7, 3, limit));
        }
        for (LocalTime time : List.of(LocalTime.of(0, 30), LocalTime.of(2, 0), LocalTime.of(5, 59, 59),
                LocalTime.of(6, 0, 1), LocalTime.of(12, 0), LocalTime.of(18, 0), LocalTime.of(21, 45),
                LocalTime.of(23, 59, 59))) {
            for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
                LocalDateTime now = day.atTime(time);
                for (int limit : LIMITS) {
                    for (int wanted : new int[] {1, 10, 200}) {
                        assertEquals(CandidatePolicy.select(previous.get(limit), 3, now, doNotCall, inCall, wanted),
                                CandidatePolicy.select(current.get(limit), 3, now, doNotCall, inCall, wanted),
                                now + ", limit " + limit + ", wanted " + wanted);
                    }
                }
            }
        }
        List<CandidateCall> all = current.get(1000);
        assertTrue(all.stream().anyMatch(CandidateCall::forAgent), "agent-scheduled calls are in the data");
        assertTrue(all.stream().anyMatch(c -> c.window().timeInit() != null && c.window().timeEnd() != null
                && c.window().timeInit().isAfter(c.window().timeEnd())), "windows crossing midnight are in the data");
        assertTrue(all.stream().anyMatch(c -> doNotCall.contains(c.phone())), "numbers on dont_call are in the data");
    }

    private static List<CandidateCall> previousCandidates(int limit) {
        List<CandidateCall> windowed = jdbc.list(PREVIOUS_WINDOWED, JdbcOutgoingCallStoreIT::candidate, 7, 3, limit);
        if (windowed.size() >= limit) {
            return windowed;
        }
        List<CandidateCall> all = new java.util.ArrayList<>(windowed);
        all.addAll(jdbc.list(PREVIOUS_UNBOUNDED, JdbcOutgoingCallStoreIT::candidate, 7, 3, limit - windowed.size()));
        return all;
    }

    private static CandidateCall candidate(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CandidateCall(row.getLong("id"), row.getString("phone"), row.getString("status"),
                row.getLong("retries"), row.getInt("dnc") != 0, row.getString("agent") != null,
                new CallWindow(row.getObject("date_init", LocalDate.class), row.getObject("date_end", LocalDate.class),
                        row.getObject("time_init", LocalTime.class), row.getObject("time_end", LocalTime.class)));
    }

    @Test
    void returnsTheReferenceRowsInTheReferenceOrderWhateverTheLimit() {
        for (int limit : LIMITS) {
            List<Long> expected = jdbc.list(REFERENCE, row -> row.getLong(1), 7, 3, limit);
            List<Long> actual = store.candidates(7, 3, limit).stream().map(CandidateCall::id).toList();
            assertEquals(expected, actual, "limit " + limit);
        }
    }

    @Test
    void callsWithTheirOwnWindowComeFirst() {
        List<CandidateCall> all = store.candidates(7, 3, 1000);
        int firstUnbounded = 0;
        while (firstUnbounded < all.size() && !all.get(firstUnbounded).window().isUnbounded()) {
            firstUnbounded++;
        }
        assertTrue(firstUnbounded > 0 && firstUnbounded < all.size(), "both kinds present: " + firstUnbounded);
        assertTrue(all.subList(firstUnbounded, all.size()).stream().allMatch(c -> c.window().isUnbounded()));
    }

    @Test
    void readsEachCampaignsAndQueuesOptionsAndLeavesOutARowItCannotRead() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, "
                    + "context, queue, max_canales, script, estatus) VALUES (8, 'Bad mode', CURDATE(), CURDATE(), "
                    + "'00:00:00', '23:59:59', 3, 'from-internal', '8000', 5, '', 'A')");
            s.execute("INSERT INTO dialerd_campaign_options (id_campaign, dial_mode, abandon_target_pct, safe_harbour, "
                    + "wrapup_seconds, preview_seconds) VALUES (7, 'Predictive', 2.5, ' safe-harbour,s,1 ', 15, 45), "
                    + "(8, 'psychic', 3, NULL, 0, 30)");
            s.execute("INSERT INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 20)");
        }
        assertEquals(Map.of(7, new CampaignOptions(DialMode.PREDICTIVE, 2.5, Optional.of("safe-harbour,s,1"),
                Duration.ofSeconds(15), Duration.ofSeconds(45))), store.campaignOptions());
        assertEquals(Map.of("8001", new QueueOptions(Duration.ofSeconds(20))), store.queueOptions());
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /**
     * dont_call is read whole only when its fingerprint moved: a round with no change gets the
     * same copy (one fingerprint row read), an insert, an edit or a delete made with plain SQL is in
     * the next round's list.
     */
    @Test
    void readsDontCallAgainOnlyWhenTheTableChanged() throws Exception {
        JdbcOutgoingCallStore fresh = new JdbcOutgoingCallStore(jdbc);
        sql("INSERT INTO dont_call (id, caller_id, status) VALUES (501, '5550001', 'A'), (502, '5550002', 'A')");
        java.util.Set<String> first = fresh.doNotCall();
        assertTrue(first.containsAll(List.of("5550001", "5550002")), first.toString());
        assertTrue(first == fresh.doNotCall(), "unchanged: the same copy");
        assertEquals(1, fresh.doNotCallReads());

        sql("INSERT INTO dont_call (id, caller_id, status) VALUES (503, '5550003', 'A')");
        assertTrue(fresh.doNotCall().contains("5550003"), "an insert");
        sql("UPDATE dont_call SET caller_id = '5550009' WHERE id = 501");
        java.util.Set<String> edited = fresh.doNotCall();
        assertTrue(edited.contains("5550009") && !edited.contains("5550001"), "an edit: " + edited);
        sql("DELETE FROM dont_call WHERE id = 502");
        assertTrue(!fresh.doNotCall().contains("5550002"), "a delete");
        assertEquals(4, fresh.doNotCallReads());
        assertTrue(fresh.doNotCall() == fresh.doNotCall());
        assertEquals(4, fresh.doNotCallReads());
        sql("DELETE FROM dont_call WHERE id IN (501, 503)");
    }
}
