package org.dialerd.core.dialer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The dialer's choice in memory: {@link CandidatePolicy#select} over the 200 rows one round reads
 * (OutboundDialer.CANDIDATE_ROWS), a tenth with their own window, 2 % on a 5,000-number
 * dont_call list, 50 numbers in call right now, 30 calls wanted. "select" passes the list as the
 * dialer does ({@link DoNotCallList}, normalised once per round); "selectRenormalizingDoNotCall"
 * passes a plain set, as the dialer did before: every call normalised all 5,000 numbers again.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CandidateSelectionBenchmark extends AverageTimeBenchmark {
    private List<CandidateCall> rows;
    private Set<String> doNotCall;
    private DoNotCallList doNotCallList;
    private List<String> inCall;
    private LocalDateTime now;

    @Setup
    public void setUp() {
        now = LocalDateTime.of(2026, 12, 1, 10, 15, 30);
        rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            CallWindow window = i % 10 == 0
                    ? new CallWindow(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), LocalTime.of(9, 0),
                    LocalTime.of(17, 0))
                    : CallWindow.NONE;
            rows.add(new CandidateCall(1000 + i, "(04) 555-" + (1000 + i * 7), i % 3 == 0 ? "Failure" : null,
                    i % 3, false, false, window));
        }
        doNotCall = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            doNotCall.add("04555" + (1000 + i * 7 * 25));
        }
        doNotCallList = new DoNotCallList(doNotCall);
        inCall = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inCall.add("04555" + (5000 + i));
        }
    }

    @Benchmark
    public CandidatePolicy.Selection select() {
        return CandidatePolicy.select(rows, 5, now, doNotCallList, inCall, 30);
    }

    @Benchmark
    public CandidatePolicy.Selection selectRenormalizingDoNotCall() {
        return CandidatePolicy.select(rows, 5, now, doNotCall, inCall, 30);
    }
}
