package org.dialerd.core.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.dialerd.core.dialer.CallWindow;

/**
 * One table of call windows and moments, with whether the window is open at that moment
 * ({@link CallWindow#matches}) and whether it is open then or later ({@link CallWindow#canMatchFrom}).
 * {@code CallWindowTest} runs it against {@link CallWindow}, {@code JdbcOutgoingCallStoreIT}
 * (src-it) against the store's SQL, so the two cannot drift apart. Dates around {@link #DAY};
 * times of day as the TIME columns hold them (whole seconds); a moment may carry a fraction of a
 * second, which both ignore.
 */
public final class CallWindowCases {
    public static final LocalDate DAY = LocalDate.of(2024, 5, 10);

    /** @param openNow the window is open at {@code now}; {@code openFromNow}: at {@code now} or later */
    public record Case(String name, CallWindow window, LocalDateTime now, boolean openNow, boolean openFromNow) {
        @Override
        public String toString() {
            return name + " at " + now;
        }
    }

    private CallWindowCases() {
    }

    private static LocalDate day(int offset) {
        return DAY.plusDays(offset);
    }

    private static LocalTime time(String hhmmss) {
        return LocalTime.parse(hhmmss);
    }

    private static LocalDateTime at(int dayOffset, String time) {
        return DAY.plusDays(dayOffset).atTime(LocalTime.parse(time));
    }

    private static Case c(String name, LocalDate dateInit, LocalDate dateEnd, String timeInit, String timeEnd,
                          LocalDateTime now, boolean openNow, boolean openFromNow) {
        return new Case(name, new CallWindow(dateInit, dateEnd, timeInit == null ? null : time(timeInit),
                timeEnd == null ? null : time(timeEnd)), now, openNow, openFromNow);
    }

    public static final List<Case> ALL = List.of(
            c("no window", null, null, null, null, at(0, "03:00:00"), true, true),
            c("dates around today", day(-1), day(1), null, null, at(0, "12:00:00"), true, true),
            c("first date today, at midnight", day(0), null, null, null, at(0, "00:00:00"), true, true),
            c("last date today, last second", null, day(0), null, null, at(0, "23:59:59.700"), true, true),
            c("last date yesterday", null, day(-1), null, null, at(0, "00:00:00"), false, false),
            c("dates yesterday to yesterday", day(-3), day(-1), null, null, at(0, "12:00:00"), false, false),
            c("first date tomorrow", day(1), null, null, null, at(0, "23:59:59"), false, true),
            c("first date tomorrow, last date in a week", day(1), day(7), null, null, at(0, "12:00:00"), false, true),
            c("dates reversed", day(1), day(-1), null, null, at(0, "12:00:00"), false, false),
            c("dates reversed, before both", day(1), day(-1), null, null, at(-2, "12:00:00"), false, false),
            c("office hours, a second before", null, null, "08:00:00", "18:00:00", at(0, "07:59:59"), false, true),
            c("office hours, first second", null, null, "08:00:00", "18:00:00", at(0, "08:00:00"), true, true),
            c("office hours, last second", null, null, "08:00:00", "18:00:00", at(0, "18:00:00.500"), true, true),
            c("office hours, a second after", null, null, "08:00:00", "18:00:00", at(0, "18:00:01"), false, true),
            c("office hours, at night", null, null, "08:00:00", "18:00:00", at(0, "23:00:00"), false, true),
            c("office hours ending today, after", day(-1), day(0), "08:00:00", "18:00:00", at(0, "18:00:01"),
                    false, false),
            c("office hours ending today, before", day(-1), day(0), "08:00:00", "18:00:00", at(0, "07:00:00"),
                    false, true),
            c("office hours ending today, inside", day(-1), day(0), "08:00:00", "18:00:00", at(0, "09:30:00"),
                    true, true),
            c("office hours from tomorrow", day(1), day(1), "08:00:00", "18:00:00", at(0, "12:00:00"), false, true),
            c("night, one in the morning", null, null, "22:00:00", "06:00:00", at(0, "01:00:00"), true, true),
            c("night, noon", null, null, "22:00:00", "06:00:00", at(0, "12:00:00"), false, true),
            c("night, first second", null, null, "22:00:00", "06:00:00", at(0, "22:00:00"), true, true),
            c("night, last second", null, null, "22:00:00", "06:00:00", at(0, "06:00:00"), true, true),
            c("night, a second after", null, null, "22:00:00", "06:00:00", at(0, "06:00:01"), false, true),
            c("night ending today, noon", null, day(0), "22:00:00", "06:00:00", at(0, "12:00:00"), false, true),
            c("night ending today, late", null, day(0), "22:00:00", "06:00:00", at(0, "23:00:00"), true, true),
            c("night of one date, early", day(0), day(0), "22:00:00", "06:00:00", at(0, "01:00:00"), true, true),
            c("night of one date, the morning after", day(0), day(0), "22:00:00", "06:00:00", at(1, "01:00:00"),
                    false, false),
            c("from 21:30, a second before", null, null, "21:30:00", null, at(0, "21:29:59"), false, true),
            c("from 21:30, at it", null, null, "21:30:00", null, at(0, "21:30:00"), true, true),
            c("from 21:30, last date today, at night", null, day(0), "21:30:00", null, at(0, "23:59:59"), true, true),
            c("from 21:30, last date today, morning", null, day(0), "21:30:00", null, at(0, "09:00:00"), false, true),
            c("until 02:00, at it", null, null, null, "02:00:00", at(0, "02:00:00"), true, true),
            c("until 02:00, a second after", null, null, null, "02:00:00", at(0, "02:00:01"), false, true),
            c("until 02:00, last date today, after", null, day(0), null, "02:00:00", at(0, "02:00:01"), false, false),
            c("until 02:00, from tomorrow", day(1), null, null, "02:00:00", at(0, "01:00:00"), false, true),
            c("one second, at it", null, null, "12:00:00", "12:00:00", at(0, "12:00:00.900"), true, true),
            c("one second, after it", null, null, "12:00:00", "12:00:00", at(0, "12:00:01"), false, true),
            c("one second, after it on the last date", day(-2), day(0), "12:00:00", "12:00:00", at(0, "12:00:01"),
                    false, false),
            c("whole day, last second", day(0), day(0), "00:00:00", "23:59:59", at(0, "23:59:59.999"), true, true));
}
