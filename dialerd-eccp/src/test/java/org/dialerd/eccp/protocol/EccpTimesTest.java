package org.dialerd.eccp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EccpTimesTest {
    private static final LocalDateTime TEN = LocalDateTime.of(2026, 11, 22, 10, 0, 5, 999_000_000);

    @Test
    void aDateTimeIsWrittenToTheSecondAndNullStaysNull() {
        assertEquals("2026-11-22 10:00:05", EccpTimes.dateTime(TEN));
        assertNull(EccpTimes.dateTime(null));
    }

    @Test
    void todayOnlyTheTimeIsWrittenAnotherDayTheDateToo() {
        assertEquals("10:00:05", EccpTimes.dayRelative(TEN, LocalDate.of(2026, 11, 22)));
        assertEquals("2026-11-22 10:00:05", EccpTimes.dayRelative(TEN, LocalDate.of(2026, 11, 23)));
    }
}
