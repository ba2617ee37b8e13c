package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhaseRecorderTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void keepsTheWarmupApartFromTheSteadyState() {
        PhaseRecorder recorder = new PhaseRecorder(0, 2 * SECOND, 5 * SECOND);
        recorder.record(50_000_000L);           // slow while cold
        recorder.tick(SECOND);
        recorder.record(40_000_000L);
        recorder.tick(2 * SECOND);
        for (int i = 0; i < 3; i++) {
            recorder.record(1_000_000L);
            recorder.tick((3 + i) * SECOND);
        }

        assertEquals(2, recorder.warmup().count());
        assertEquals(2.0, recorder.warmup().seconds(), 1e-9);
        assertEquals(50, recorder.warmup().maxMs(), 0.1);
        assertEquals(3, recorder.steady().count());
        assertEquals(3.0, recorder.steady().seconds(), 1e-9);
        assertEquals(1, recorder.steady().maxMs(), 0.01);
        assertEquals(5, recorder.perSecond().size());
        assertEquals("w+1s", recorder.perSecond().get(0).phase());
        assertEquals("+3s", recorder.perSecond().get(2).phase());
    }

    @Test
    void lateAnswersCountInTheLatenciesButNotInTheDuration() {
        PhaseRecorder recorder = new PhaseRecorder(0, 0, 2 * SECOND);
        recorder.record(1_000_000L);
        recorder.tick(2 * SECOND);
        recorder.record(3 * SECOND);            // due before the end, answered after it
        recorder.tick(5 * SECOND);

        assertEquals(2, recorder.steady().count());
        assertEquals(1, recorder.steady().inWindow());
        assertEquals(0.5, recorder.steady().perSecond(), 1e-9);
        assertEquals(2.0, recorder.steady().seconds(), 1e-9);
        assertEquals(3_000, recorder.steady().maxMs(), 5);
        assertEquals("late", recorder.perSecond().get(1).phase());
    }
}
