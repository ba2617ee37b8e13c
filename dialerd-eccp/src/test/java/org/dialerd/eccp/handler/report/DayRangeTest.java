package org.dialerd.eccp.handler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class DayRangeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static DayRange read(String... nameValues) {
        XmlElement.Builder request = XmlElement.builder("campaignlog");
        for (int i = 0; i < nameValues.length; i += 2) {
            request.add(nameValues[i], nameValues[i + 1]);
        }
        return DayRange.from(request.build(), TODAY);
    }

    private static DayRange days(String first, String last) {
        return new DayRange(LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void defaultsToToday() {
        assertEquals(days("2026-11-22", "2026-11-22"), read());
    }

    @Test
    void missingEndDefaultsToToday() {
        assertEquals(days("2026-11-21", "2026-11-22"), read("datetime_start", "2026-11-21"));
    }

    @Test
    void startAfterTodayWithoutEndIsSwappedWithToday() {
        assertEquals(days("2026-11-22", "2026-12-01"), read("datetime_start", "2026-12-01"));
    }

    @Test
    void swapsAnEndBeforeTheStart() {
        assertEquals(days("2026-11-21", "2026-11-23"), read("datetime_start", "2026-11-23", "datetime_end", "2026-11-21"));
    }

    @Test
    void badStartIsATopLevelBadRequestNamingIt() {
        EccpFailure failure = assertThrows(EccpFailure.class, () -> read("datetime_start", "22-11-2026"));
        assertEquals(400, failure.code());
        assertFalse(failure.isWrapped());
        assertEquals("Bad request - invalid start date", failure.getMessage());
    }

    @Test
    void badEndIsATopLevelBadRequestNamingIt() {
        EccpFailure failure = assertThrows(EccpFailure.class, () -> read("datetime_end", "x"));
        assertEquals("Bad request - invalid end date", failure.getMessage());
    }

    @Test
    void startIsCheckedBeforeEnd() {
        EccpFailure failure = assertThrows(EccpFailure.class,
                () -> read("datetime_start", "2026/11/21", "datetime_end", "tomorrow"));
        assertEquals("Bad request - invalid start date", failure.getMessage());
    }

    @Test
    void emptyOrPaddedDatesAreRefused() {
        assertThrows(EccpFailure.class, () -> read("datetime_start", ""));
        assertThrows(EccpFailure.class, () -> read("datetime_start", " 2026-11-21"));
        assertThrows(EccpFailure.class, () -> read("datetime_end", "2026-11-21 10:00:00"));
    }

    @Test
    void dayPastTheMonthEndOrdersLikeMariaDbComparesIt() {
        // 2026-11-31 sorts after every November day and before December: as a start it means
        // December 1st, as an end the whole of November.
        assertEquals(days("2026-12-01", "2026-12-05"), read("datetime_start", "2026-11-31", "datetime_end", "2026-12-05"));
        assertEquals(days("2026-11-01", "2026-11-30"), read("datetime_start", "2026-11-01", "datetime_end", "2026-11-31"));
        assertEquals(days("2026-03-01", "2026-03-02"), read("datetime_start", "2026-02-30", "datetime_end", "2026-03-02"));
    }

    @Test
    void dayOrMonthZeroOrdersBeforeTheFirst() {
        assertEquals(days("2026-11-01", "2026-11-22"), read("datetime_start", "2026-11-00"));
        assertEquals(days("2026-10-01", "2026-10-31"), read("datetime_start", "2026-10-01", "datetime_end", "2026-11-00"));
        assertEquals(days("2026-01-01", "2026-11-22"), read("datetime_start", "2026-00-15"));
        assertEquals(days("2025-12-01", "2025-12-31"), read("datetime_start", "2025-12-01", "datetime_end", "2026-00-15"));
    }

    @Test
    void monthAbove12OrDayAbove31IsTheZeroDate() {
        // MariaDB turns it into 0000-00-00: from the beginning as a start, nothing as an end.
        assertEquals(days("1000-01-01", "2027-01-01"), read("datetime_start", "2026-13-01", "datetime_end", "2027-01-01"));
        assertEquals(DayRange.NOTHING, read("datetime_start", "2026-11-22", "datetime_end", "2026-13-01"));
        assertEquals(DayRange.NOTHING, read("datetime_end", "2026-11-32"));
    }

    @Test
    void swapsOnTheTextBeforeReadingTheDays() {
        // "2026-11-22" sorts before "2026-13-01", so the bad month ends up as the end.
        assertEquals(DayRange.NOTHING, read("datetime_start", "2026-13-01", "datetime_end", "2026-11-22"));
    }

    @Test
    void rangeWithoutARealDaySelectsNothing() {
        assertEquals(DayRange.NOTHING, read("datetime_start", "2026-11-31", "datetime_end", "2026-11-31"));
        assertEquals(DayRange.NOTHING, read("datetime_start", "0000-01-01", "datetime_end", "0999-12-31"));
    }
}
