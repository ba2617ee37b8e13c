package org.dialerd.jmh.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcOutgoingCallStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dialer's read per campaign and round, through the real store and pool against the embedded
 * MariaDB holding {@link MillionCalls}: the 200 next candidates (OutboundDialer.CANDIDATE_ROWS)
 * and the calls scheduled for agents, in the campaign with windowed calls, in the one without and
 * in the one with a few, and the dont_call list. Sample time, so the output has p50, p99 and the maximum.
 * The first run creates the rows (a minute or two); later runs reuse the data directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CandidateQueryBenchmark {
    private MillionCalls calls;
    private JdbcOutgoingCallStore store;
    private Jdbc jdbc;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        calls = MillionCalls.open();
        jdbc = new Jdbc(calls.dataSource());
        store = new JdbcOutgoingCallStore(jdbc);
        if (store.candidates(MillionCalls.CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, NOON, 200).size() != 200) {
            throw new IllegalStateException("the campaign has fewer than 200 candidates");
        }
        if (store.doNotCall().size() != MillionCalls.DONT_CALL_ROWS) {
            throw new IllegalStateException("dont_call does not hold " + MillionCalls.DONT_CALL_ROWS + " numbers");
        }
    }

    /*
     * The dialer's now: campaign 1's windowed calls are open 08:00-18:00 on dates around today, so
     * at noon they are open (the windowed statement fills the 200) and at 22:00 all are closed
     * (the windowed statement finds none, the calls without a window fill the 200).
     */
    static final LocalDateTime NOON = LocalDate.now().atTime(12, 0);
    static final LocalDateTime NIGHT = LocalDate.now().atTime(22, 0);

    @Benchmark
    public List<CandidateCall> next200Candidates() {
        return store.candidates(MillionCalls.CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, NOON, 200);
    }

    /** Campaign 1 at 22:00: its 100,000 windowed calls closed, the choice is calls without a window. */
    @Benchmark
    public List<CandidateCall> next200CandidatesAtNight() {
        return store.candidates(MillionCalls.CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, NIGHT, 200);
    }

    /*
     * Where next200Candidates' time goes, side by side in one run: roundTrip is the floor of any
     * statement through the pool (connection, one packet each way); candidateRowsUnmapped runs the
     * same statement as the store and reads every row without mapping it, so the difference with
     * next200Candidates is the mapping, and the difference with roundTrip is the server's execution
     * plus the transfer of 200 rows. The server's own time is in ExplainCandidates' ANALYZE.
     */
    @Benchmark
    public int roundTrip() throws SQLException {
        try (Connection c = calls.dataSource().getConnection(); PreparedStatement p = c.prepareStatement("SELECT 1");
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    @Benchmark
    public int candidateRowsUnmapped() throws SQLException {
        JdbcOutgoingCallStore.BoundQuery windowed = JdbcOutgoingCallStore.candidateQueries(MillionCalls.CAMPAIGN,
                MillionCalls.CAMPAIGN_RETRIES, NOON, 200).get(0);
        return rows(windowed.sql(), windowed.parameters());
    }

    /** Campaign 1's windowed statement at 22:00, when none of its windows is open: no row. */
    @Benchmark
    public int candidateRowsUnmappedAtNight() throws SQLException {
        JdbcOutgoingCallStore.BoundQuery windowed = JdbcOutgoingCallStore.candidateQueries(MillionCalls.CAMPAIGN,
                MillionCalls.CAMPAIGN_RETRIES, NIGHT, 200).get(0);
        return rows(windowed.sql(), windowed.parameters());
    }

    /*
     * The windowed statement before it became a deferred join (a plain SELECT: every entry walked
     * had its row read to test the window, 1,967 rows for 200), next to candidateRowsUnmapped in the
     * same run, so the two compare under the same load.
     */
    static final String PREVIOUS_WINDOWED = "SELECT id, phone, status, retries, dnc, agent, date_init, date_end, "
            + "time_init, time_end FROM calls WHERE id_campaign = ? AND dnc = 0 AND retries < ? AND (status IS NULL OR "
            + "status NOT IN ('Success', 'Placing', 'Ringing', 'OnQueue', 'OnHold')) AND (date_init IS NOT NULL "
            + "OR (date_init IS NULL AND date_end IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NOT NULL) "
            + "OR (date_init IS NULL AND date_end IS NULL AND time_init IS NULL AND time_end IS NOT NULL)) "
            + "ORDER BY retries, id LIMIT ?";

    @Benchmark
    public int previousCandidateRowsUnmapped() throws SQLException {
        return rows(PREVIOUS_WINDOWED, List.of(MillionCalls.CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, 200));
    }

    private int rows(String candidateSql, List<Object> parameters) throws SQLException {
        try (Connection c = calls.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(candidateSql)) {
            for (int i = 0; i < parameters.size(); i++) {
                p.setObject(i + 1, parameters.get(i));
            }
            int rows = 0;
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    @Benchmark
    public Object scheduledForAgents() {
        return store.scheduledCalls(MillionCalls.CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, 200);
    }

    /** The campaign without windowed calls: the windowed statement finds none, the second fills the 200. */
    @Benchmark
    public List<CandidateCall> next200CandidatesNoWindow() {
        return store.candidates(MillionCalls.NO_WINDOW_CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, NOON, 200);
    }

    /** The campaign with a window on 1 % of its calls: the windowed statement reads them as index ranges. */
    @Benchmark
    public List<CandidateCall> next200CandidatesSparseWindows() {
        return store.candidates(MillionCalls.SPARSE_WINDOW_CAMPAIGN, MillionCalls.CAMPAIGN_RETRIES, NOON, 200);
    }

    /** dont_call unchanged (the usual round): its fingerprint, one row back, and the same copy. */
    @Benchmark
    public Set<String> doNotCallUnchanged() {
        return store.doNotCall();
    }

    /** What each round did before: every dont_call row read and put in a set. */
    @Benchmark
    public Set<String> doNotCallWholeTable() {
        return new HashSet<>(jdbc.list("SELECT caller_id FROM dont_call", row -> row.getString(1)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        calls.close();
    }
}
