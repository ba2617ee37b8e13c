package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.CampaignStatusStore;

/**
 * Call counts over {@code calls} (outgoing) and {@code call_entry} (incoming). Each answer is
 * one statement, so the counts, durations and waiting calls agree with each other.
 */
public final class JdbcCampaignStatusStore implements CampaignStatusStore {
    /** How one table's status words read; {@code whenNull} is the state of a NULL status. */
    private record Vocabulary(Map<String, CallState> words, Optional<CallState> whenNull) {
        Optional<CallState> state(String word) {
            return word == null ? whenNull : Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
        }
    }

    /** {@code calls.status} words; the column's collation ignores case, so the map does too. */
    private static final Map<String, CallState> OUTGOING_WORDS = Map.of(
            "placing", CallState.PLACING,
            "ringing", CallState.RINGING,
            "onqueue", CallState.ON_QUEUE,
            "success", CallState.SUCCESS,
            "onhold", CallState.ON_HOLD,
            "failure", CallState.FAILURE,
            "shortcall", CallState.SHORT_CALL,
            "noanswer", CallState.NO_ANSWER,
            "abandoned", CallState.ABANDONED);
    /** {@code call_entry.status} words. */
    private static final Map<String, CallState> INCOMING_WORDS = Map.of(
            "en-cola", CallState.ON_QUEUE,
            "activa", CallState.SUCCESS,
            "hold", CallState.ON_HOLD,
            "abandonada", CallState.ABANDONED,
            "terminada", CallState.FINISHED,
            "fin-monitoreo", CallState.LOST_TRACK);
    /** A never-dialled outgoing call has no status; an incoming call without one counts only in the total. */
    private static final Vocabulary OUTGOING = new Vocabulary(OUTGOING_WORDS, Optional.of(CallState.PENDING));
    private static final Vocabulary INCOMING = new Vocabulary(INCOMING_WORDS, Optional.empty());

    /*
     * Each answer is one statement, one round trip (it was four): the branches of a UNION ALL, each
     * on its own index, told apart by part and laid out on shared columns. One statement is one
     * consistent snapshot, so the counts, durations and waiting calls agree without a transaction.
     *   part 0: the queue (s1)          part 1: a status (s1) and its count (n1)
     *   part 2: total (n1) and longest (n2) talk time
     *   part 3: a waiting call: id (n1), phone (s1), status (s2), trunk (s3), times t1..t3
     */
    /** Parameters: campaign; campaign, day, day (counts); campaign, day, day (durations); campaign. */
    private static final String OUTGOING_SUMMARY = """
            SELECT 0 AS part, COALESCE(queue, '') AS s1, NULL AS s2, NULL AS s3, NULL AS n1, NULL AS n2,
                   NULL AS t1, NULL AS t2, NULL AS t3
            FROM campaign WHERE id = ?
            UNION ALL
            SELECT 1, status, NULL, NULL, COUNT(*), NULL, NULL, NULL, NULL
            FROM calls WHERE id_campaign = ? AND (? IS NULL OR datetime_originate >= ?) GROUP BY status
            UNION ALL
            SELECT 2, NULL, NULL, NULL, SUM(duration), MAX(duration), NULL, NULL, NULL
            FROM calls WHERE id_campaign = ? AND status = 'Success' AND end_time IS NOT NULL
                AND (? IS NULL OR start_time >= ?)
            UNION ALL
            SELECT 3, phone, status, trunk, id, NULL, datetime_originate, fecha_llamada, datetime_entry_queue
            FROM calls WHERE id_campaign = ? AND status IN ('Placing', 'Ringing', 'OnQueue')
            ORDER BY part, n1""";

    /** Parameters: as {@link #OUTGOING_SUMMARY}. */
    private static final String CAMPAIGN_SUMMARY = """
            SELECT 0 AS part, COALESCE(q.queue, '') AS s1, NULL AS s2, NULL AS s3, NULL AS n1, NULL AS n2,
                   NULL AS t1, NULL AS t2, NULL AS t3
            FROM campaign_entry c JOIN queue_call_entry q ON c.id_queue_call_entry = q.id WHERE c.id = ?
            UNION ALL
            SELECT 1, status, NULL, NULL, COUNT(*), NULL, NULL, NULL, NULL
            FROM call_entry WHERE id_campaign = ? AND (? IS NULL OR datetime_entry_queue >= ?) GROUP BY status
            UNION ALL
            SELECT 2, NULL, NULL, NULL, SUM(duration), MAX(duration), NULL, NULL, NULL
            FROM call_entry WHERE id_campaign = ? AND status = 'terminada' AND datetime_end IS NOT NULL
                AND (? IS NULL OR datetime_init >= ?)
            UNION ALL
            SELECT 3, callerid, NULL, trunk, id, NULL, NULL, NULL, datetime_entry_queue
            FROM call_entry WHERE id_campaign = ? AND status = 'en-cola'
            ORDER BY part, n1""";

    /** Parameters: queue, day, day (counts); queue, day, day (durations); queue. There is no part 0. */
    private static final String QUEUE_SUMMARY = """
            SELECT 1 AS part, ce.status AS s1, NULL AS s2, NULL AS s3, COUNT(*) AS n1, NULL AS n2,
                   NULL AS t1, NULL AS t2, NULL AS t3
            FROM call_entry ce JOIN queue_call_entry q ON ce.id_queue_call_entry = q.id
            WHERE ce.id_campaign IS NULL AND q.queue = ? AND (? IS NULL OR ce.datetime_entry_queue >= ?)
            GROUP BY ce.status
            UNION ALL
            SELECT 2, NULL, NULL, NULL, SUM(ce.duration), MAX(ce.duration), NULL, NULL, NULL
            FROM call_entry ce JOIN queue_call_entry q ON ce.id_queue_call_entry = q.id
            WHERE ce.id_campaign IS NULL AND q.queue = ? AND ce.status = 'terminada'
                AND ce.datetime_end IS NOT NULL AND (? IS NULL OR ce.datetime_init >= ?)
            UNION ALL
            SELECT 3, ce.callerid, NULL, ce.trunk, ce.id, NULL, NULL, NULL, ce.datetime_entry_queue
            FROM call_entry ce JOIN queue_call_entry q ON ce.id_queue_call_entry = q.id
            WHERE ce.id_campaign IS NULL AND q.queue = ? AND ce.status = 'en-cola'
            ORDER BY part, n1""";

    private final Jdbc jdbc;

    public JdbcCampaignStatusStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return summary(OUTGOING_SUMMARY, OUTGOING, Optional.empty(), campaignId, campaignId, from, from, campaignId,
                from, from, campaignId);
    }

    @Override
    public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return summary(CAMPAIGN_SUMMARY, INCOMING, Optional.empty(), campaignId, campaignId, from, from, campaignId,
                from, from, campaignId);
    }

    @Override
    public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return summary(QUEUE_SUMMARY, INCOMING, Optional.of(queue), queue, from, from, queue, from, from, queue)
                .orElseThrow();
    }

    /**
     * Runs one summary statement and sorts its rows into their parts; empty when the campaign does
     * not exist (no part 0 row), unless the queue is known beforehand.
     */
    private Optional<CallSummary> summary(String sql, Vocabulary vocabulary, Optional<String> knownQueue,
                                          Object... parameters) {
        Summary parts = new Summary(vocabulary, knownQueue);
        jdbc.list(sql, parts::add, parameters);
        return parts.queue.map(queue -> new CallSummary(queue, parts.total, parts.counts, parts.durations,
                parts.waiting));
    }

    /** The rows of one summary statement, by part. */
    private static final class Summary {
        private final Vocabulary vocabulary;
        private final Map<CallState, Long> counts = new EnumMap<>(CallState.class);
        private final List<WaitingCall> waiting = new ArrayList<>();
        private Optional<String> queue;
        private long total;
        private Durations durations = new Durations(0, 0);

        Summary(Vocabulary vocabulary, Optional<String> queue) {
            this.vocabulary = vocabulary;
            this.queue = queue;
        }

        Void add(ResultSet row) throws SQLException {
            switch (row.getInt("part")) {
                case 0 -> queue = Optional.of(row.getString("s1"));
                case 1 -> {
                    long count = row.getLong("n1");
                    total += count;
                    vocabulary.state(row.getString("s1")).ifPresent(s -> counts.merge(s, count, Long::sum));
                }
                case 2 -> durations = new Durations(row.getLong("n1"), row.getLong("n2"));
                case 3 -> waiting.add(waiting(row));
                default -> throw new SQLException("unknown part " + row.getInt("part") + " of a call summary");
            }
            return null;
        }

        /** An incoming waiting call has no status column (s2 is NULL): it is on the queue. */
        private static WaitingCall waiting(ResultSet row) throws SQLException {
            String status = row.getString("s2");
            return new WaitingCall(row.getLong("n1"), row.getString("s1"),
                    status == null ? CallState.ON_QUEUE : OUTGOING_WORDS.get(status.toLowerCase(Locale.ROOT)),
                    dateTime(row, "t1"), dateTime(row, "t2"), dateTime(row, "t3"),
                    Optional.ofNullable(row.getString("s3")));
        }
    }

    private static Optional<LocalDateTime> dateTime(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, LocalDateTime.class));
    }
}
