package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CallWindow;
import org.dialerd.core.testing.CallWindowCases;
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
 * The dialer's candidate read at the dialer's now, two statements over the dialerd_calls_dialable
 * and dialerd_calls_windowed indexes, returns the rows the reference's single statement returns
 * once the windows closed at now are left out, in the same order: calls with a window open now
 * first, then the calls without one, by retries and id. The campaign's 900 rows mix every status,
 * retries 0..3, dnc, partial and full windows, windows crossing midnight, windows of past and
 * future days, agent reservations and numbers on dont_call, spread over the ids. The windows' SQL
 * is held to CallWindow by one table of cases (CallWindowCases, dialerd-core's tests).
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
    /** The same statements without the list of the campaign's windows before them: the SQL alone decides. */
    private static JdbcOutgoingCallStore statementsOnly;

    @BeforeAll
    static void load() throws Exception {
        dataSource = TestDatabases.fresh();
        jdbc = new Jdbc(dataSource);
        store = new JdbcOutgoingCallStore(jdbc);
        statementsOnly = new JdbcOutgoingCallStore(jdbc, 0);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, "
                    + "context, queue, max_canales, script, estatus) VALUES (7, 'Mix', CURDATE(), CURDATE() + "
                    + "INTERVAL 1 YEAR, '00:00:00', '23:59:59', 3, 'from-internal', '8000', 5, '', 'A'), "
                    + "(9, 'Window cases', CURDATE(), CURDATE(), '00:00:00', '23:59:59', 3, 'from-internal', '8000', 5, "
                    + "'', 'A'), (10, 'Closed windows', CURDATE(), CURDATE(), '00:00:00', '23:59:59', 3, 'from-internal', "
                    + "'8000', 5, '', 'A')");
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

    /** The dialer's moments of the tests: inside and outside the midnight-crossing windows, at the edges of the day windows. */
    private static List<LocalDateTime> moments() {
        LocalDate today = jdbc.first("SELECT CURDATE()", row -> row.getObject(1, LocalDate.class)).orElseThrow();
        List<LocalDateTime> moments = new ArrayList<>();
        for (LocalTime time : List.of(LocalTime.of(0, 30), LocalTime.of(2, 0), LocalTime.of(5, 59, 59),
                LocalTime.of(6, 0, 1), LocalTime.of(12, 0), LocalTime.of(18, 0), LocalTime.of(18, 0, 0, 700_000_000),
                LocalTime.of(21, 45), LocalTime.of(23, 59, 59))) {
            for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
                moments.add(day.atTime(time));
            }
        }
        return moments;
    }

    /**
     * The store's rows at now are the previous statements' rows (read without a limit) less the
     * windowed calls whose window is closed at now (CallWindow.matches), column for column and in
     * their order, whatever the limit: the window test moved into SQL and chose the same calls.
     */
    @Test
    void returnsThePreviousStatementsRowsOpenAtNowWhateverTheLimit() {
        List<CandidateCall> previous = previousCandidates(1000);
        assertTrue(previous.size() < 1000, "the previous statements read every dialable call: " + previous.size());
        for (LocalDateTime now : moments()) {
            List<CandidateCall> open = previous.stream()
                    .filter(c -> c.window().isUnbounded() || c.window().matches(now)).toList();
            for (int limit : LIMITS) {
                assertEquals(open.subList(0, Math.min(limit, open.size())), store.candidates(7, 3, now, limit),
                        now + ", limit " + limit);
                assertEquals(open.subList(0, Math.min(limit, open.size())),
                        statementsOnly.candidates(7, 3, now, limit), "statements only, " + now + ", limit " + limit);
            }
        }
    }

    /**
     * The dialer's choice (the reference CandidatePolicy, with dont_call and the numbers in a call)
     * over the store's rows at now is its choice over the previous statements' rows, at any time of
     * day: the previous read held every dialable call and the policy dropped the closed windows.
     */
    @Test
    void theDialerChoosesTheSameCallsAsWithThePreviousStatementsAtAnyTime() {
        List<String> doNotCall = jdbc.list("SELECT caller_id FROM dont_call", row -> row.getString(1));
        List<String> inCall = List.of("777100", "555123");
        List<CandidateCall> previous = previousCandidates(1000);
        for (LocalDateTime now : moments()) {
            List<CandidateCall> current = store.candidates(7, 3, now, 1000);
            for (int wanted : new int[] {1, 10, 200, 1000}) {
                assertEquals(CandidatePolicy.select(previous, 3, now, doNotCall, inCall, wanted),
                        CandidatePolicy.select(current, 3, now, doNotCall, inCall, wanted),
                        now + ", wanted " + wanted);
            }
        }
        List<CandidateCall> all = previous;
        assertTrue(all.stream().anyMatch(CandidateCall::forAgent), "agent-scheduled calls are in the data");
        assertTrue(all.stream().anyMatch(c -> c.window().timeInit() != null && c.window().timeEnd() != null
                && c.window().timeInit().isAfter(c.window().timeEnd())), "windows crossing midnight are in the data");
        assertTrue(all.stream().anyMatch(c -> doNotCall.contains(c.phone())), "numbers on dont_call are in the data");
    }

    /**
     * The campaign's end question at now: the windowed calls whose window is open now or opens
     * later (CallWindow.canMatchFrom), in (retries, id) order, from the previous statements' rows.
     */
    @Test
    void laterCandidatesAreTheWindowedCallsThatCanStillOpen() {
        List<CandidateCall> previous = previousCandidates(1000);
        for (LocalDateTime now : moments()) {
            List<CandidateCall> expected = previous.stream()
                    .filter(c -> !c.window().isUnbounded() && c.window().canMatchFrom(now)).toList();
            assertEquals(expected, store.laterCandidates(7, 3, now, 1000), now.toString());
            assertEquals(expected, statementsOnly.laterCandidates(7, 3, now, 1000), "statements only, " + now);
            assertEquals(expected.subList(0, Math.min(20, expected.size())), store.laterCandidates(7, 3, now, 20),
                    now + ", limit 20");
        }
    }

    /**
     * CallWindowCases, the table CallWindowTest holds CallWindow to, against the SQL: one call per
     * case in campaign 9; at every case's moment the case's call is read as open now, and as open
     * now or later, exactly when the table says so; and at every moment of the table every call is
     * read exactly when CallWindow says so.
     */
    @Test
    void theWindowsSqlAgreesWithCallWindowOnTheTableOfCases() throws Exception {
        List<CallWindowCases.Case> cases = CallWindowCases.ALL;
        for (int i = 0; i < cases.size(); i++) {
            CallWindow w = cases.get(i).window();
            jdbc.update("INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, time_init, "
                    + "time_end) VALUES (?, 9, ?, 0, 0, ?, ?, ?, ?)", 20_000 + i, "999" + i, w.dateInit(), w.dateEnd(),
                    w.timeInit(), w.timeEnd());
        }
        for (JdbcOutgoingCallStore s : List.of(store, statementsOnly)) {
            String which = s == store ? "" : "statements only: ";
            for (int i = 0; i < cases.size(); i++) {
                CallWindowCases.Case c = cases.get(i);
                long id = 20_000 + i;
                assertEquals(c.openNow(), ids(s.candidates(9, 3, c.now(), 1000)).contains(id), which + "open now: " + c);
                assertEquals(c.openFromNow() && !c.window().isUnbounded(),
                        ids(s.laterCandidates(9, 3, c.now(), 1000)).contains(id), which + "open now or later: " + c);
            }
            for (CallWindowCases.Case moment : cases) {
                LocalDateTime now = moment.now();
                List<Long> open = ids(s.candidates(9, 3, now, 1000));
                List<Long> later = ids(s.laterCandidates(9, 3, now, 1000));
                for (int i = 0; i < cases.size(); i++) {
                    CallWindow w = cases.get(i).window();
                    assertEquals(w.matches(now), open.contains(20_000L + i), which + cases.get(i).name() + " at " + now);
                    assertEquals(!w.isUnbounded() && w.canMatchFrom(now), later.contains(20_000L + i),
                            which + cases.get(i).name() + ", open now or later, at " + now);
                }
            }
        }
    }

    /**
     * The defect this statement fixes: more dialable windowed calls whose window is closed now
     * than the read's size no longer hold its slots; the calls without a window fill them.
     */
    @Test
    void windowedCallsClosedNowDoNotHoldTheReadsSlots() {
        jdbc.update("INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, time_init, time_end) "
                + "SELECT 30000 + seq, 10, CONCAT('444', seq), 0, 0, CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL "
                + "1 DAY, '08:00:00', '18:00:00' FROM seq_1_to_300");
        jdbc.update("INSERT INTO calls (id, id_campaign, phone, retries, dnc) SELECT 31000 + seq, 10, "
                + "CONCAT('445', seq), 1, 0 FROM seq_1_to_50");
        LocalDate today = jdbc.first("SELECT CURDATE()", row -> row.getObject(1, LocalDate.class)).orElseThrow();
        for (JdbcOutgoingCallStore s : List.of(store, statementsOnly)) {
            List<CandidateCall> night = s.candidates(10, 3, today.atTime(22, 0), 200);
            assertEquals(50, night.size());
            assertTrue(night.stream().allMatch(c -> c.window().isUnbounded()), "only the calls without a window");
            List<CandidateCall> noon = s.candidates(10, 3, today.atTime(12, 0), 200);
            assertEquals(200, noon.size());
            assertTrue(noon.stream().noneMatch(c -> c.window().isUnbounded()), "the open windows first");
            assertEquals(300, s.laterCandidates(10, 3, today.atTime(22, 0), 1000).size(), "all open again tomorrow");
            assertEquals(List.of(), s.laterCandidates(10, 3, today.plusDays(1).atTime(18, 0, 1), 1000),
                    "none after the last date's hours");
        }
    }

    private static List<Long> ids(List<CandidateCall> calls) {
        return calls.stream().map(CandidateCall::id).toList();
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

    /** The reference's single statement, its closed windows dropped as the reference's time test drops them. */
    @Test
    void returnsTheReferenceRowsInTheReferenceOrderWhateverTheLimit() {
        List<Long> referenceOrder = jdbc.list(REFERENCE, row -> row.getLong(1), 7, 3, 1000);
        Map<Long, CandidateCall> byId = new java.util.HashMap<>();
        previousCandidates(1000).forEach(c -> byId.put(c.id(), c));
        for (LocalDateTime now : moments()) {
            List<Long> open = referenceOrder.stream().filter(id -> byId.get(id).window().isUnbounded()
                    || byId.get(id).window().matches(now)).toList();
            for (int limit : LIMITS) {
                assertEquals(open.subList(0, Math.min(limit, open.size())), ids(store.candidates(7, 3, now, limit)),
                        now + ", limit " + limit);
            }
        }
    }

    @Test
    void callsWithTheirOwnWindowComeFirst() {
        LocalDateTime noon = jdbc.first("SELECT CURDATE()", row -> row.getObject(1, LocalDate.class)).orElseThrow()
                .atTime(12, 0);
        List<CandidateCall> all = store.candidates(7, 3, noon, 1000);
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
