package org.dialerd.db.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.dialer.CallWindow;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.dialer.QueueOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.TakeoverScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the dialer reads: active campaigns, dialable and scheduled calls, dont_call. */
public final class JdbcOutgoingCallStore implements OutgoingCallStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcOutgoingCallStore.class);
    /*
     * The calls scheduled for an agent, lowest ids first, as a deferred join: the inner statement
     * finds the ids from dialerd_calls_agent_dialable (id_campaign, agent, dnc, retries, status; the
     * id is in every InnoDB secondary index) without reading a row, sorts them and keeps the
     * first n; only those n rows are read. Reading and sorting every reserved row read 1,000
     * rows of a 1,000,000-call campaign for 200.
     */
    static final String SCHEDULED = "SELECT c.id, c.phone, c.status, c.retries, c.dnc, c.agent, c.date_init, "
            + "c.date_end, c.time_init, c.time_end FROM (SELECT id FROM calls WHERE id_campaign = ? "
            + "AND agent IS NOT NULL AND (status IS NULL OR status NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', "
            + "'OnHold')) AND retries < ? AND dnc = 0 ORDER BY id LIMIT ?) k JOIN calls c ON c.id = k.id "
            + "ORDER BY c.id";

    /**
     * dont_call's fingerprint (rows, highest id, XOR of each number's CRC32), as the reference
     * snapshot's: read from the {@code callerid} index alone, one row back instead of the whole table.
     */
    static final String DONT_CALL_FINGERPRINT = "SELECT COUNT(*), COALESCE(MAX(id), 0), "
            + "COALESCE(BIT_XOR(CRC32(caller_id)), 0) FROM dont_call";

    /** The numbers as last read, with the fingerprint taken just before that read. */
    private record DoNotCallCopy(long rows, long maxId, long checksum, Set<String> numbers) {
        boolean matches(long[] fingerprint) {
            return rows == fingerprint[0] && maxId == fingerprint[1] && checksum == fingerprint[2];
        }
    }

    private final Jdbc jdbc;
    private final CandidateReads candidateReads;
    private volatile DoNotCallCopy doNotCall;
    private volatile long doNotCallReads;

    public JdbcOutgoingCallStore(Jdbc jdbc) {
        this(jdbc, WINDOW_LIST_LIMIT);
    }

    /**
     * @param windowListLimit most distinct windows listed per campaign before the windowed
     *                        statements ({@link #WINDOW_LIST_LIMIT}); 0 never lists them, so the
     *                        statements alone decide (tests hold their SQL to CallWindow that way)
     */
    public JdbcOutgoingCallStore(Jdbc jdbc, int windowListLimit) {
        this.jdbc = jdbc;
        this.candidateReads = new CandidateReads(jdbc, windowListLimit);
    }

    /** A statement with its parameters bound, as the store runs it (for plans and benchmarks). */
    public record BoundQuery(String name, String sql, List<Object> parameters) {}

    /** Most distinct windows of a campaign the store lists before its windowed statements. */
    public static final int WINDOW_LIST_LIMIT = 1000;

    /**
     * The statements the dialer runs per campaign and round, bound as the store binds them for
     * campaign {@code campaignId} at {@code now}: the windowed one (first: the benchmarks take it
     * by its place), the campaign's distinct windows, the one without a window, the agent-scheduled
     * one and the campaign's end question ({@link #laterCandidates}).
     */
    public static List<BoundQuery> candidateQueries(int campaignId, int retries, LocalDateTime now, int limit) {
        return CandidateReads.queries(campaignId, retries, now, limit);
    }

    @Override
    public List<Campaign> activeCampaigns() {
        return jdbc.list("SELECT id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, trunk, "
                + "context, queue, max_canales, num_completadas, promedio, desviacion, estatus FROM campaign "
                + "WHERE estatus = 'A' ORDER BY id", row -> new Campaign(row.getInt("id"), row.getString("name"),
                row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class),
                row.getInt("retries"), row.getString("trunk"), row.getString("context"), row.getString("queue"),
                row.getInt("max_canales"), nullableLong(row, "num_completadas"), nullableLong(row, "promedio"),
                nullableLong(row, "desviacion"), row.getString("estatus")));
    }

    @Override
    public Map<Integer, CampaignOptions> campaignOptions() {
        Map<Integer, CampaignOptions> options = new HashMap<>();
        for (Object[] row : jdbc.list("SELECT id_campaign, dial_mode, abandon_target_pct, safe_harbour, wrapup_seconds, "
                + "preview_seconds FROM dialerd_campaign_options", r -> new Object[] {r.getInt(1), r.getString(2),
                r.getDouble(3), r.getString(4), r.getLong(5), r.getLong(6)})) {
            int campaign = (Integer) row[0];
            try {
                String harbour = (String) row[3];
                options.put(campaign, new CampaignOptions(DialMode.of((String) row[1]), (Double) row[2],
                        harbour == null || harbour.isBlank() ? Optional.empty() : Optional.of(harbour.trim()),
                        Duration.ofSeconds((Long) row[4]), Duration.ofSeconds((Long) row[5])));
            } catch (IllegalArgumentException e) {
                log.warn("dialerd_campaign_options of campaign {}: {}; the campaign runs on the defaults", campaign,
                        e.getMessage());
            }
        }
        return options;
    }

    @Override
    public List<AnsweredAttempt> answeredSince(LocalDateTime since) {
        return AnsweredAttempts.since(jdbc, since);
    }

    @Override
    public Map<String, QueueOptions> queueOptions() {
        Map<String, QueueOptions> options = new HashMap<>();
        for (Object[] row : jdbc.list("SELECT queue, wrapup_seconds FROM dialerd_queue_options",
                r -> new Object[] {r.getString(1), r.getLong(2)})) {
            options.put((String) row[0], new QueueOptions(Duration.ofSeconds((Long) row[1])));
        }
        return options;
    }

    @Override
    public Map<Long, String> previewReservations(int campaignId, LocalDateTime now) {
        Map<Long, String> reserved = new HashMap<>();
        for (Object[] row : jdbc.list("SELECT id_call, agent FROM dialerd_preview_offer WHERE id_campaign = ? "
                + "AND expires_at > ?", r -> new Object[] {r.getLong(1), r.getString(2)}, campaignId, now)) {
            reserved.put((Long) row[0], (String) row[1]);
        }
        return reserved;
    }

    @Override
    public List<UnfinishedCall> unfinishedCalls(TakeoverScope scope) {
        // calls rows are the web UI's; the host that placed the call wrote its progress rows.
        return jdbc.list("SELECT c.id, c.id_campaign, c.phone, c.status, c.uniqueid, c.retries, c.trunk, k.queue, "
                + "c.datetime_originate, c.fecha_llamada, c.datetime_entry_queue, c.start_time, c.id_agent "
                + "FROM calls c JOIN campaign k ON k.id = c.id_campaign WHERE c.end_time IS NULL "
                + "AND c.status IN ('Placing', 'Ringing', 'OnQueue', 'Success', 'OnHold') AND "
                + OwnedRows.condition(IdTable.CALL_PROGRESS_LOG,
                        "(SELECT MAX(p.id) FROM call_progress_log p WHERE p.id_call_outgoing = c.id)", scope)
                + " ORDER BY c.id",
                row -> new UnfinishedCall(row.getLong("id"), row.getInt("id_campaign"), row.getString("phone"),
                        row.getString("status"), row.getString("uniqueid"), row.getLong("retries"),
                        row.getString("trunk"), row.getString("queue"),
                        row.getObject("datetime_originate", LocalDateTime.class),
                        row.getObject("fecha_llamada", LocalDateTime.class),
                        row.getObject("datetime_entry_queue", LocalDateTime.class),
                        row.getObject("start_time", LocalDateTime.class), Jdbc.nullableInt(row, "id_agent")),
                scope.hostId());
    }

    @Override
    public List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
        return candidateReads.candidates(campaignId, retries, now, limit);
    }

    @Override
    public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
        return candidateReads.later(campaignId, retries, now, limit);
    }

    @Override
    public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
        return jdbc.list(SCHEDULED,
                row -> new ScheduledCall(row.getLong("id"), row.getString("phone"), row.getLong("retries"),
                        row.getString("agent"), new CandidateCall(row.getLong("id"), row.getString("phone"),
                        row.getString("status"), row.getLong("retries"), false, false,
                        new CallWindow(row.getObject("date_init", LocalDate.class),
                                row.getObject("date_end", LocalDate.class),
                                row.getObject("time_init", LocalTime.class),
                                row.getObject("time_end", LocalTime.class)))),
                campaignId, retries, limit);
    }

    /**
     * The dont_call numbers, read again only when the table's fingerprint moved (the web UI is
     * the only writer; dialerd never writes it): every round asks one row, not the whole table.
     * The fingerprint is taken before the read, so a change between the two statements makes the
     * next round read again rather than keep a copy that misses it.
     */
    @Override
    public Set<String> doNotCall() {
        long[] fingerprint = jdbc.first(DONT_CALL_FINGERPRINT,
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}).orElseThrow();
        DoNotCallCopy copy = doNotCall;
        if (copy != null && copy.matches(fingerprint)) {
            return copy.numbers();
        }
        Set<String> numbers = Set.copyOf(new HashSet<>(jdbc.list("SELECT caller_id FROM dont_call",
                row -> row.getString(1))));
        doNotCall = new DoNotCallCopy(fingerprint[0], fingerprint[1], fingerprint[2], numbers);
        doNotCallReads++; // one thread per store reads it (the dialer's round)
        return numbers;
    }

    /** How often {@link #doNotCall} read the whole table (tests, benchmarks). */
    public long doNotCallReads() {
        return doNotCallReads;
    }

    private static Long nullableLong(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

}
