package org.dialerd.db.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
     * The candidates in the reference's order — calls with their own window first, then the
     * rest, each by retries and id — as two statements, because one ORDER BY on "has a window"
     * cannot follow an index: on a 1,000,000-row campaign that was a filesort of every dialable
     * row (848,000 rows read, seconds; docs/benchmarks.md). Each statement walks the index
     * dialerd_calls_dialable (id_campaign, dnc, retries, id, status, window columns) in its
     * order, filters status and window inside the index and stops at LIMIT.
     *
     * "Has a window" is written as four disjoint prefixes of campaign_date_schedule (id_campaign,
     * date_init, date_end, time_init, time_end) so that index can read the windowed calls as
     * ranges: in a campaign with few or no windowed calls (the usual case) the walk of
     * dialerd_calls_dialable would otherwise read every dialable entry of the campaign to find none
     * (200,000 entries, 190-370 ms per round); the optimizer now reads the few windowed entries
     * as ranges of dialerd_calls_windowed (id_campaign, dnc, window columns, retries, status), which
     * also holds the filters, and still walks dialerd_calls_dialable when windowed calls are many.
     *
     * The windowed statement is a deferred join: when windowed calls are many, the optimizer
     * walks dialerd_calls_dialable in (retries, id) order, and as a plain SELECT it fetched every
     * entry's row before testing the window (MariaDB does not push the index condition down on
     * the index it switches to for the ORDER BY): 1,967 rows read for 200 with 10 % windowed
     * calls. The inner statement asks only for columns of that index, so the walk and the window
     * test stay in the index ("Using index"), and only the rows kept are read.
     */
    /*
     * The windowed statement tests the call's window at the dialer's now, bound as a date d and a
     * time t (whole seconds), the same rules as CallWindow.matches (CallWindowCases holds both to
     * one table): the dates as four disjoint prefixes of the window columns, so the ranges of
     * dialerd_calls_windowed still apply (a first date on or before d; no first date and a last date
     * on or after d; no dates and a first time; no dates, no first time and a last time at or after
     * t), then the daily range: no times, "from", "until", a range, a range that crosses midnight.
     * Every column it tests is in both indexes, so the inner statement stays "Using index". A
     * window closed at now is left out here, so it never holds a slot of the read.
     */
    private static final String DIALABLE = "id_campaign = ? AND dnc = 0 AND retries < ? AND (status IS NULL OR "
            + "status NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold'))";
    private static final String OPEN_NOW = "((date_init <= ? AND (date_end IS NULL OR date_end >= ?)) "
            + "OR (date_init IS NULL AND date_end >= ?) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end >= ?)) "
            + "AND ((time_init IS NULL AND (time_end IS NULL OR time_end >= ?)) "
            + "OR (time_init IS NOT NULL AND time_end IS NULL AND time_init <= ?) "
            + "OR (time_init <= time_end AND time_init <= ? AND time_end >= ?) "
            + "OR (time_init > time_end AND (time_init <= ? OR time_end >= ?)))";
    /** Parameters of {@link #OPEN_NOW}: the dates, then the times. */
    private static Object[] openNow(LocalDate d, LocalTime t) {
        return new Object[] {d, d, d, t, t, t, t, t, t, t};
    }
    /*
     * The campaign's end asks another question: has the call a window that is open now or opens
     * later (CallWindow.canMatchFrom)? Its last date not passed (today: its daily range not over,
     * or crossing midnight, or without an end), its dates not reversed. Read only when a campaign
     * has nothing to dial now, so it is rare; the same shape and indexes as the windowed statement.
     */
    private static final String OPEN_FROM_NOW = "((date_init IS NOT NULL AND (date_end IS NULL OR date_end >= ?)) "
            + "OR (date_init IS NULL AND date_end >= ?) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end IS NOT NULL)) "
            + "AND (date_init IS NULL OR date_end IS NULL OR date_init <= date_end) "
            + "AND (date_end IS NULL OR date_end > ? OR time_end IS NULL OR time_init > time_end OR time_end >= ?)";
    private static final String COLUMNS = "c.id, c.phone, c.status, c.retries, c.dnc, c.agent, c.date_init, "
            + "c.date_end, c.time_init, c.time_end";
    /*
     * The campaign's distinct windows, read before the windowed statements: a loose index scan of
     * dialerd_calls_windowed ("Using index for group-by": one index dive per distinct window, 8
     * windows of campaign 1's 100,000 windowed calls in 0.05 ms). CallWindow decides which are open
     * now; when none is (campaign 1 at night: the optimizer walks dialerd_calls_dialable in order
     * and the time test in the index finds nothing in 990,000 entries, 660 ms), the windowed
     * statement is not run at all. The optimizer does not choose the loose scan by itself here
     * (it reads every entry), hence FORCE INDEX. The NULL window (calls without one) is one of the
     * groups. More than WINDOW_LIST_LIMIT windows: the list is not used, the statements decide.
     */
    static final String WINDOWS = "SELECT id_campaign, dnc, date_init, date_end, time_init, time_end FROM calls "
            + "FORCE INDEX (dialerd_calls_windowed) WHERE id_campaign = ? AND dnc = 0 "
            + "GROUP BY id_campaign, dnc, date_init, date_end, time_init, time_end LIMIT ?";
    /** Most distinct windows of a campaign the store lists before its windowed statements. */
    public static final int WINDOW_LIST_LIMIT = 1000;
    static final String WINDOWED = "SELECT " + COLUMNS + " FROM (SELECT id, retries FROM calls WHERE " + DIALABLE
            + " AND " + OPEN_NOW + " ORDER BY retries, id LIMIT ?) k JOIN calls c ON c.id = k.id "
            + "ORDER BY k.retries, k.id";
    static final String LATER = "SELECT " + COLUMNS + " FROM (SELECT id, retries FROM calls WHERE " + DIALABLE
            + " AND " + OPEN_FROM_NOW + " ORDER BY retries, id LIMIT ?) k JOIN calls c ON c.id = k.id "
            + "ORDER BY k.retries, k.id";
    static final String UNBOUNDED = "SELECT id, phone, status, retries, dnc, agent, date_init, date_end, time_init, "
            + "time_end FROM calls WHERE id_campaign = ? AND dnc = 0 AND retries < ? AND (status IS NULL OR status "
            + "NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND date_init IS NULL AND "
            + "date_end IS NULL AND time_init IS NULL AND time_end IS NULL ORDER BY retries, id LIMIT ?";
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
    /** {@link #WINDOW_LIST_LIMIT}, or 0: never list the windows (tests of the statements alone). */
    private final int windowListLimit;
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
        this.windowListLimit = windowListLimit;
    }

    /** A statement with its parameters bound, as the store runs it (for plans and benchmarks). */
    public record BoundQuery(String name, String sql, List<Object> parameters) {}

    /**
     * The statements the dialer runs per campaign and round, bound as the store binds them for
     * campaign {@code campaignId} at {@code now}: the windowed one (first: the benchmarks take it
     * by its place), the campaign's distinct windows, the one without a window, the agent-scheduled
     * one and the campaign's end question ({@link #laterCandidates}).
     */
    public static List<BoundQuery> candidateQueries(int campaignId, int retries, LocalDateTime now, int limit) {
        LocalDate d = now.toLocalDate();
        LocalTime t = second(now);
        return List.of(new BoundQuery("windowed", WINDOWED, parameters(campaignId, retries, openNow(d, t), limit)),
                new BoundQuery("windows", WINDOWS, List.of(campaignId, WINDOW_LIST_LIMIT + 1)),
                new BoundQuery("unbounded", UNBOUNDED, List.of(campaignId, retries, limit)),
                new BoundQuery("scheduled", SCHEDULED, List.of(campaignId, retries, limit)),
                new BoundQuery("later", LATER, parameters(campaignId, retries, new Object[] {d, d, d, t}, limit)));
    }

    private static List<Object> parameters(int campaignId, int retries, Object[] window, int limit) {
        List<Object> all = new ArrayList<>(List.of(campaignId, retries));
        all.addAll(List.of(window));
        all.add(limit);
        return List.copyOf(all);
    }

    /** The dialer's now as the TIME columns compare it: whole seconds (DailyWindow truncates the same way). */
    private static LocalTime second(LocalDateTime now) {
        return now.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
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
        Optional<List<CallWindow>> windows = windows(campaignId);
        List<CandidateCall> windowed = windows.isPresent()
                && windows.get().stream().noneMatch(w -> !w.isUnbounded() && w.matches(now)) ? List.of()
                : jdbc.list(WINDOWED, JdbcOutgoingCallStore::candidate,
                        parameters(campaignId, retries, openNow(now.toLocalDate(), second(now)), limit).toArray());
        if (windowed.size() >= limit) {
            return windowed;
        }
        List<CandidateCall> all = new ArrayList<>(windowed);
        all.addAll(jdbc.list(UNBOUNDED, JdbcOutgoingCallStore::candidate, campaignId, retries,
                limit - windowed.size()));
        return all;
    }

    @Override
    public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
        Optional<List<CallWindow>> windows = windows(campaignId);
        if (windows.isPresent() && windows.get().stream().noneMatch(w -> !w.isUnbounded() && w.canMatchFrom(now))) {
            return List.of();
        }
        LocalDate d = now.toLocalDate();
        return jdbc.list(LATER, JdbcOutgoingCallStore::candidate,
                parameters(campaignId, retries, new Object[] {d, d, d, second(now)}, limit).toArray());
    }

    /** The campaign's distinct windows (of calls not marked dnc), or empty when there are too many to list. */
    private Optional<List<CallWindow>> windows(int campaignId) {
        if (windowListLimit <= 0) {
            return Optional.empty();
        }
        List<CallWindow> windows = jdbc.list(WINDOWS, row -> new CallWindow(row.getObject("date_init", LocalDate.class),
                row.getObject("date_end", LocalDate.class), row.getObject("time_init", LocalTime.class),
                row.getObject("time_end", LocalTime.class)), campaignId, windowListLimit + 1);
        return windows.size() > windowListLimit ? Optional.empty() : Optional.of(windows);
    }

    private static CandidateCall candidate(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CandidateCall(row.getLong("id"), row.getString("phone"), row.getString("status"),
                row.getLong("retries"), row.getInt("dnc") != 0, row.getString("agent") != null,
                new CallWindow(row.getObject("date_init", LocalDate.class), row.getObject("date_end", LocalDate.class),
                        row.getObject("time_init", LocalTime.class), row.getObject("time_end", LocalTime.class)));
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
