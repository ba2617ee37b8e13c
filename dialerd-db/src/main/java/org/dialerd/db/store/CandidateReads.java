package org.dialerd.db.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.dialer.CallWindow;
import org.dialerd.core.dialer.CandidateCall;

/**
 * The dialer's reads of one campaign's candidate calls for {@link JdbcOutgoingCallStore}: the
 * calls that may be dialled at the dialer's now ({@code candidates}) and the windowed calls open
 * now or later ({@code later}, the campaign's end), with the statements and their parameters.
 */
final class CandidateReads {
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
     * groups. More than JdbcOutgoingCallStore.WINDOW_LIST_LIMIT windows: the list is not used, the statements decide.
     */
    static final String WINDOWS = "SELECT id_campaign, dnc, date_init, date_end, time_init, time_end FROM calls "
            + "FORCE INDEX (dialerd_calls_windowed) WHERE id_campaign = ? AND dnc = 0 "
            + "GROUP BY id_campaign, dnc, date_init, date_end, time_init, time_end LIMIT ?";
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

    private final Jdbc jdbc;
    /** {@link JdbcOutgoingCallStore#WINDOW_LIST_LIMIT}, or 0: never list the windows. */
    private final int windowListLimit;

    CandidateReads(Jdbc jdbc, int windowListLimit) {
        this.jdbc = jdbc;
        this.windowListLimit = windowListLimit;
    }

    /**
     * The statements the dialer runs per campaign and round, bound as the store binds them for
     * campaign {@code campaignId} at {@code now}: the windowed one (first: the benchmarks take it
     * by its place), the campaign's distinct windows, the one without a window, the agent-scheduled
     * one and the campaign's end question ({@link #later}).
     */
    static List<JdbcOutgoingCallStore.BoundQuery> queries(int campaignId, int retries, LocalDateTime now, int limit) {
        LocalDate d = now.toLocalDate();
        LocalTime t = second(now);
        return List.of(new JdbcOutgoingCallStore.BoundQuery("windowed", WINDOWED, parameters(campaignId, retries, openNow(d, t), limit)),
                new JdbcOutgoingCallStore.BoundQuery("windows", WINDOWS, List.of(campaignId, JdbcOutgoingCallStore.WINDOW_LIST_LIMIT + 1)),
                new JdbcOutgoingCallStore.BoundQuery("unbounded", UNBOUNDED, List.of(campaignId, retries, limit)),
                new JdbcOutgoingCallStore.BoundQuery("scheduled", JdbcOutgoingCallStore.SCHEDULED, List.of(campaignId, retries, limit)),
                new JdbcOutgoingCallStore.BoundQuery("later", LATER, parameters(campaignId, retries, new Object[] {d, d, d, t}, limit)));
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

    List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
        Optional<List<CallWindow>> windows = windows(campaignId);
        List<CandidateCall> windowed = windows.isPresent()
                && windows.get().stream().noneMatch(w -> !w.isUnbounded() && w.matches(now)) ? List.of()
                : jdbc.list(WINDOWED, CandidateReads::candidate,
                        parameters(campaignId, retries, openNow(now.toLocalDate(), second(now)), limit).toArray());
        if (windowed.size() >= limit) {
            return windowed;
        }
        List<CandidateCall> all = new ArrayList<>(windowed);
        all.addAll(jdbc.list(UNBOUNDED, CandidateReads::candidate, campaignId, retries,
                limit - windowed.size()));
        return all;
    }

    List<CandidateCall> later(int campaignId, int retries, LocalDateTime now, int limit) {
        Optional<List<CallWindow>> windows = windows(campaignId);
        if (windows.isPresent() && windows.get().stream().noneMatch(w -> !w.isUnbounded() && w.canMatchFrom(now))) {
            return List.of();
        }
        LocalDate d = now.toLocalDate();
        return jdbc.list(LATER, CandidateReads::candidate,
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

    static CandidateCall candidate(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CandidateCall(row.getLong("id"), row.getString("phone"), row.getString("status"),
                row.getLong("retries"), row.getInt("dnc") != 0, row.getString("agent") != null,
                new CallWindow(row.getObject("date_init", LocalDate.class), row.getObject("date_end", LocalDate.class),
                        row.getObject("time_init", LocalTime.class), row.getObject("time_end", LocalTime.class)));
    }
}
