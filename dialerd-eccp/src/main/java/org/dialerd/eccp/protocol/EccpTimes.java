package org.dialerd.eccp.protocol;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How ECCP answers write date-times, in the reference's format: to the second, without a zone. */
public final class EccpTimes {
    /** {@code 2026-11-22 10:00:00}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** {@code 10:00:00}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private EccpTimes() {
    }

    /** {@code time} as {@link #DATE_TIME}; null (a NULL column, left out) stays null. */
    public static String dateTime(LocalDateTime time) {
        return time == null ? null : DATE_TIME.format(time);
    }

    /** "If the date is the same as today's date, only the time is reported." */
    public static String dayRelative(LocalDateTime time, LocalDate today) {
        return time.toLocalDate().equals(today) ? time.format(TIME) : time.format(DATE_TIME);
    }
}
