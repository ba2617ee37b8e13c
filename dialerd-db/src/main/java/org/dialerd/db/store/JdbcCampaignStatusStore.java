package org.dialerd.db.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.CampaignStatusStore;

/**
 * Call counts over {@code calls} (outgoing) and {@code call_entry} (incoming). Each answer is
 * read in one transaction so the counts, durations and waiting calls agree with each other.
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

    private static final String OUTGOING_COUNTS = "SELECT status, COUNT(*) AS n FROM calls"
            + " WHERE id_campaign = ? AND (? IS NULL OR datetime_originate >= ?) GROUP BY status";
    private static final String OUTGOING_DURATIONS = "SELECT SUM(duration) AS total, MAX(duration) AS longest"
            + " FROM calls WHERE id_campaign = ? AND status = 'Success' AND end_time IS NOT NULL"
            + " AND (? IS NULL OR start_time >= ?)";
    private static final String OUTGOING_WAITING = "SELECT id, phone, status, datetime_originate, fecha_llamada,"
            + " datetime_entry_queue, trunk FROM calls"
            + " WHERE id_campaign = ? AND status IN ('Placing', 'Ringing', 'OnQueue') ORDER BY id";

    private static final String CAMPAIGN_COUNTS = "SELECT status, COUNT(*) AS n FROM call_entry"
            + " WHERE id_campaign = ? AND (? IS NULL OR datetime_entry_queue >= ?) GROUP BY status";
    private static final String CAMPAIGN_DURATIONS = "SELECT SUM(duration) AS total, MAX(duration) AS longest"
            + " FROM call_entry WHERE id_campaign = ? AND status = 'terminada' AND datetime_end IS NOT NULL"
            + " AND (? IS NULL OR datetime_init >= ?)";
    private static final String CAMPAIGN_WAITING = "SELECT id, callerid, datetime_entry_queue, trunk"
            + " FROM call_entry WHERE id_campaign = ? AND status = 'en-cola' ORDER BY id";

    private static final String QUEUE_CALLS = " FROM call_entry ce JOIN queue_call_entry q"
            + " ON ce.id_queue_call_entry = q.id WHERE ce.id_campaign IS NULL AND q.queue = ?";
    private static final String QUEUE_COUNTS = "SELECT ce.status AS status, COUNT(*) AS n" + QUEUE_CALLS
            + " AND (? IS NULL OR ce.datetime_entry_queue >= ?) GROUP BY ce.status";
    private static final String QUEUE_DURATIONS = "SELECT SUM(ce.duration) AS total, MAX(ce.duration) AS longest"
            + QUEUE_CALLS + " AND ce.status = 'terminada' AND ce.datetime_end IS NOT NULL"
            + " AND (? IS NULL OR ce.datetime_init >= ?)";
    private static final String QUEUE_WAITING = "SELECT ce.id AS id, ce.callerid AS callerid,"
            + " ce.datetime_entry_queue AS datetime_entry_queue, ce.trunk AS trunk" + QUEUE_CALLS
            + " AND ce.status = 'en-cola' ORDER BY ce.id";

    private final Jdbc jdbc;

    public JdbcCampaignStatusStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return jdbc.reading(connection -> {
            Optional<String> queue = first(connection, "SELECT queue FROM campaign WHERE id = ?", campaignId);
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(summary(connection, queue.get(), OUTGOING,
                    new Object[] {campaignId, from, from}, OUTGOING_COUNTS, OUTGOING_DURATIONS,
                    Jdbc.list(connection, OUTGOING_WAITING, JdbcCampaignStatusStore::outgoingWaiting, campaignId)));
        });
    }

    @Override
    public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return jdbc.reading(connection -> {
            Optional<String> queue = first(connection, "SELECT COALESCE(q.queue, '') FROM campaign_entry c"
                    + " JOIN queue_call_entry q ON c.id_queue_call_entry = q.id WHERE c.id = ?", campaignId);
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(summary(connection, queue.get(), INCOMING,
                    new Object[] {campaignId, from, from}, CAMPAIGN_COUNTS, CAMPAIGN_DURATIONS,
                    Jdbc.list(connection, CAMPAIGN_WAITING, JdbcCampaignStatusStore::incomingWaiting, campaignId)));
        });
    }

    @Override
    public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
        LocalDateTime from = since.orElse(null);
        return jdbc.reading(connection -> summary(connection, queue, INCOMING,
                new Object[] {queue, from, from}, QUEUE_COUNTS, QUEUE_DURATIONS,
                Jdbc.list(connection, QUEUE_WAITING, JdbcCampaignStatusStore::incomingWaiting, queue)));
    }

    /** Counts and durations share their parameters: the owner (campaign id or queue), then the date twice. */
    private static CallSummary summary(Connection connection, String queue, Vocabulary vocabulary,
                                       Object[] parameters, String countsSql, String durationsSql,
                                       List<WaitingCall> waiting) throws SQLException {
        long total = 0;
        Map<CallState, Long> counts = new EnumMap<>(CallState.class);
        for (StatusCount row : Jdbc.list(connection, countsSql,
                r -> new StatusCount(r.getString("status"), r.getLong("n")), parameters)) {
            total += row.count();
            vocabulary.state(row.status()).ifPresent(s -> counts.merge(s, row.count(), Long::sum));
        }
        Durations durations = Jdbc.list(connection, durationsSql,
                r -> new Durations(r.getLong("total"), r.getLong("longest")), parameters).get(0);
        return new CallSummary(queue, total, counts, durations, waiting);
    }

    private record StatusCount(String status, long count) {}

    private static Optional<String> first(Connection connection, String sql, Object parameter) throws SQLException {
        List<String> rows = Jdbc.list(connection, sql, r -> r.getString(1), parameter);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0) == null ? "" : rows.get(0));
    }

    private static WaitingCall outgoingWaiting(ResultSet row) throws SQLException {
        return new WaitingCall(row.getLong("id"), row.getString("phone"),
                OUTGOING_WORDS.get(row.getString("status").toLowerCase(Locale.ROOT)),
                dateTime(row, "datetime_originate"), dateTime(row, "fecha_llamada"),
                dateTime(row, "datetime_entry_queue"), Optional.ofNullable(row.getString("trunk")));
    }

    private static WaitingCall incomingWaiting(ResultSet row) throws SQLException {
        return new WaitingCall(row.getLong("id"), row.getString("callerid"), CallState.ON_QUEUE, Optional.empty(),
                Optional.empty(), dateTime(row, "datetime_entry_queue"), Optional.ofNullable(row.getString("trunk")));
    }

    private static Optional<LocalDateTime> dateTime(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, LocalDateTime.class));
    }
}
