package org.dialerd.eccp.handler.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.dialerd.eccp.protocol.EccpFailure;
import org.junit.jupiter.api.Test;

class StartDayTest {
    @Test
    void countsFromTheDaysMidnight() {
        assertEquals(LocalDateTime.of(2026, 11, 22, 0, 0), StartDay.parse("2026-11-22"));
    }

    @Test
    void readsDaysPastTheMonthsEndAsTheNextRealDay() {
        assertEquals(LocalDateTime.of(2026, 3, 1, 0, 0), StartDay.parse("2026-02-30"));
        assertEquals(LocalDateTime.of(2027, 1, 1, 0, 0), StartDay.parse("2026-12-31").plusDays(1));
        assertEquals(LocalDateTime.of(2026, 5, 1, 0, 0), StartDay.parse("2026-04-31"));
        assertEquals(LocalDateTime.of(2026, 5, 1, 0, 0), StartDay.parse("2026-05-00"));
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), StartDay.parse("2026-00-15"));
    }

    @Test
    void zeroDatesRestrictNothing() {
        assertEquals(true, StartDay.parse("2026-13-01").getYear() <= 1000);
        assertEquals(true, StartDay.parse("2026-01-32").getYear() <= 1000);
    }

    @Test
    void refusesOtherShapesWithTheReferenceMessage() {
        for (String bad : new String[] {"2026-11", "today", "2026-11-22 10:00:00", "26-11-22", ""}) {
            EccpFailure failure = assertThrows(EccpFailure.class, () -> StartDay.parse(bad));
            assertEquals(400, failure.code());
            assertEquals("Bad request - invalid start date", failure.getMessage());
        }
    }
}
