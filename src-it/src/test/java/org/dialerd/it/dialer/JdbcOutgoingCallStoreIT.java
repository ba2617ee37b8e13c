package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
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
 * then by retries and id. The campaign's 600 rows mix every status, retries 0..3, dnc, partial and
 * full windows and agent reservations, spread over the ids.
 */
class JdbcOutgoingCallStoreIT {
    /** The statement before the split (one ORDER BY on "has no window"): the order to keep. */
    private static final String REFERENCE = "SELECT id FROM calls WHERE id_campaign = ? AND (status IS NULL OR status "
            + "NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND retries < ? AND dnc = 0 "
            + "ORDER BY (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end IS NULL), "
            + "retries, id LIMIT ?";

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
        }
    }

    @Test
    void returnsTheReferenceRowsInTheReferenceOrderWhateverTheLimit() {
        for (int limit : new int[] {1, 5, 20, 37, 200, 1000}) {
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
