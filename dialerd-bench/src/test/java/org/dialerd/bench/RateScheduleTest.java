package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void spacesRequestsEvenlyFromTheStartWhateverHappenedBefore() {
        RateSchedule schedule = new RateSchedule(1_000_000_000L, 10_000);

        assertEquals(1_000_000_000L, schedule.intendedNanos(0));
        assertEquals(1_000_100_000L, schedule.intendedNanos(1));
        assertEquals(2_000_000_000L, schedule.intendedNanos(10_000));
    }

    @Test
    void countsTheRequestsDueByAMoment() {
        RateSchedule schedule = new RateSchedule(0, 1_000);

        assertEquals(1, schedule.dueBy(0));
        assertEquals(1, schedule.dueBy(999_999));
        assertEquals(2, schedule.dueBy(1_000_000));
        assertEquals(1_001, schedule.dueBy(1_000_000_000L));
        assertEquals(0, new RateSchedule(500, 1_000).dueBy(499));
    }

    @Test
    void aSenderThatFellBehindOwesEveryRequestItMissed() {
        RateSchedule schedule = new RateSchedule(0, 100);
        // Stalled for half a second: 50 requests were due meanwhile and are measured from their due times.
        long stalledUntil = 500_000_000L;

        assertEquals(51, schedule.dueBy(stalledUntil));
        assertEquals(10_000_000L, schedule.intendedNanos(1));
        assertEquals(490_000_000L, stalledUntil - schedule.intendedNanos(1));
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, Double.NaN));
    }
}
