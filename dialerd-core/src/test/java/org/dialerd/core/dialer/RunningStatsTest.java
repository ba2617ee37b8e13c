package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RunningStatsTest {
    @Test
    void matchesTheTextbookMeanAndSampleDeviation() {
        RunningStats stats = RunningStats.EMPTY;
        for (double talk : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            stats = stats.plus(talk);
        }
        assertEquals(8, stats.count());
        assertEquals(5.0, stats.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), stats.deviation(), 1e-12);
    }

    @Test
    void columnsAreRoundedHalfUpToWholeSeconds() {
        RunningStats stats = RunningStats.EMPTY.plus(10).plus(11);
        assertEquals(11, stats.meanColumn());
        assertEquals(1, stats.deviationColumn());
    }

    @Test
    void onlySuccessfulCallsCount() {
        RunningStats stats = RunningStats.EMPTY.plus(60);
        assertSame(stats, stats.afterCall(CallStatus.SHORT_CALL, 3));
        assertSame(stats, stats.afterCall(CallStatus.FAILURE, 0));
        assertSame(stats, stats.afterCall(CallStatus.ABANDONED, 0));
        assertEquals(2, stats.afterCall(CallStatus.SUCCESS, 90).count());
    }

    @Test
    void nullColumnsMeanNoStatisticsYet() {
        assertEquals(RunningStats.EMPTY, RunningStats.fromColumns(null, null, null));
        assertEquals(RunningStats.EMPTY, RunningStats.fromColumns(0L, 0L, 0L));
    }

    @Test
    void rebuildsFromColumnsAndContinues() {
        RunningStats stats = RunningStats.fromColumns(5L, 100L, 10L);
        assertEquals(100, stats.mean());
        assertEquals(10, stats.deviation(), 1e-12);
        RunningStats next = stats.plus(160);
        assertEquals(6, next.count());
        assertEquals(110, next.mean(), 1e-12);
    }

    @Test
    void singleCallHasNoDeviation() {
        assertEquals(0, RunningStats.EMPTY.plus(42).deviationColumn());
    }
}
