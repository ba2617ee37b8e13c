package org.dialerd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from any thread, cut into one-second intervals by {@link #tick}: the
 * intervals before the warm-up's end go to the warm-up histogram, the rest to the steady
 * state's, and each interval is kept as a line so a slow start is visible second by second.
 */
final class PhaseRecorder {
    private final Recorder recorder = new Recorder(1_000L, 60_000_000_000L, 3);
    private final Histogram warmup = LatencyReport.newHistogram();
    private final Histogram steady = LatencyReport.newHistogram();
    private final List<LatencyReport> seconds = new ArrayList<>();
    private final long startNanos;
    private final long warmupEndNanos;
    private final long endNanos;
    private long lastTickNanos;
    private double warmupSeconds;
    private double steadySeconds;
    private long warmupInWindow;
    private long steadyInWindow;

    /**
     * Answers recorded after {@code endNanos} (those still due when the load stops) count in
     * the last phase's latencies, but its duration stops at {@code endNanos}.
     */
    PhaseRecorder(long startNanos, long warmupNanos, long endNanos) {
        this.startNanos = startNanos;
        this.warmupEndNanos = startNanos + warmupNanos;
        this.endNanos = endNanos;
        this.lastTickNanos = startNanos;
    }

    void record(long latencyNanos) {
        recorder.recordValue(Math.max(1_000L, Math.min(latencyNanos, 60_000_000_000L)));
    }

    /** Closes the interval that ends now; call about once a second, and once at the end. */
    synchronized void tick(long nowNanos) {
        Histogram interval = recorder.getIntervalHistogram();
        double length = Math.max(0, Math.min(nowNanos, endNanos) - lastTickNanos) / 1e9;
        boolean inWarmup = lastTickNanos < warmupEndNanos;
        long inWindow = length > 0 ? interval.getTotalCount() : 0;
        if (inWarmup) {
            warmup.add(interval);
            warmupSeconds += length;
            warmupInWindow += inWindow;
        } else {
            steady.add(interval);
            steadySeconds += length;
            steadyInWindow += inWindow;
        }
        String label = lastTickNanos >= endNanos ? "late"
                : String.format(Locale.ROOT, "%s%.0fs", inWarmup ? "w+" : "+", (nowNanos - startNanos) / 1e9);
        seconds.add(LatencyReport.of(label, interval, length));
        lastTickNanos = Math.max(lastTickNanos, Math.min(nowNanos, endNanos));
    }

    synchronized LatencyReport warmup() {
        return LatencyReport.of("warmup", warmup, warmupSeconds, warmupInWindow);
    }

    synchronized LatencyReport steady() {
        return LatencyReport.of("steady", steady, steadySeconds, steadyInWindow);
    }

    synchronized List<LatencyReport> perSecond() {
        return List.copyOf(seconds);
    }
}
