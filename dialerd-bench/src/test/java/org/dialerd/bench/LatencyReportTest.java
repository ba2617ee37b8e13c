package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyReportTest {

    @Test
    void reportsPercentilesInMillisecondsAndTheRateOverThePhase() {
        Histogram nanos = LatencyReport.newHistogram();
        for (int ms = 1; ms <= 1_000; ms++) {
            nanos.recordValue(ms * 1_000_000L);
        }

        LatencyReport report = LatencyReport.of("steady", nanos, 2.0);

        assertEquals(1_000, report.count());
        assertEquals(500, report.perSecond(), 0.001);
        assertEquals(500, report.p50Ms(), 1.0);
        assertEquals(900, report.p90Ms(), 1.0);
        assertEquals(990, report.p99Ms(), 1.0);
        assertEquals(999, report.p999Ms(), 1.0);
        assertEquals(1_000, report.maxMs(), 1.0);
    }

    @Test
    void anEmptyPhaseReportsZeroes() {
        LatencyReport report = LatencyReport.of("warmup", LatencyReport.newHistogram(), 5.0);

        assertEquals(0, report.count());
        assertEquals(0, report.perSecond());
        assertEquals(0, report.maxMs());
    }

    @Test
    void fieldsNameThePhaseForTheBenchmarkScript() {
        Histogram nanos = LatencyReport.newHistogram();
        nanos.recordValue(2_000_000L);

        String fields = LatencyReport.of("steady", nanos, 1.0).fields();

        assertTrue(fields.startsWith("steady_rate=1 steady_p50=2.00"), fields);
        assertTrue(fields.contains("steady_max=2.00"), fields);
    }
}
