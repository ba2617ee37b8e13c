package org.dialerd.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Throughput and latency percentiles of one phase (warm-up, steady state) from a histogram of
 * nanoseconds. {@link #line} is for people; {@link #fields} is the machine-readable part of
 * the {@code RESULT} line that run-benchmarks.sh turns into a table.
 */
record LatencyReport(String phase, long count, long inWindow, double seconds, double p50Ms, double p90Ms, double p99Ms,
                     double p999Ms, double maxMs) {

    static LatencyReport of(String phase, Histogram nanos, double seconds) {
        return of(phase, nanos, seconds, nanos.getTotalCount());
    }

    /**
     * {@code inWindow}: the answers that arrived within the phase's {@code seconds}, which set the
     * rate; answers that came later still count in the percentiles (they were due in the phase).
     */
    static LatencyReport of(String phase, Histogram nanos, double seconds, long inWindow) {
        if (nanos.getTotalCount() == 0) {
            return new LatencyReport(phase, 0, inWindow, seconds, 0, 0, 0, 0, 0);
        }
        return new LatencyReport(phase, nanos.getTotalCount(), inWindow, seconds, ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)), ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()));
    }

    /** A histogram able to hold 1 µs to 60 s with 3 significant digits. */
    static Histogram newHistogram() {
        return new Histogram(1_000L, 60_000_000_000L, 3);
    }

    double perSecond() {
        return seconds > 0 ? inWindow / seconds : 0;
    }

    String line() {
        return String.format(Locale.ROOT,
                "%-8s %,10d in %5.1f s = %,9.0f /s   p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f ms%s",
                phase, inWindow, seconds, perSecond(), p50Ms, p90Ms, p99Ms, p999Ms, maxMs,
                count > inWindow ? String.format(Locale.ROOT, " (+%,d answered after the end)", count - inWindow) : "");
    }

    String fields() {
        return String.format(Locale.ROOT, "%s_rate=%.0f %s_p50=%.3f %s_p90=%.3f %s_p99=%.3f %s_p999=%.3f %s_max=%.3f",
                phase, perSecond(), phase, p50Ms, phase, p90Ms, phase, p99Ms, phase, p999Ms, phase, maxMs);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
