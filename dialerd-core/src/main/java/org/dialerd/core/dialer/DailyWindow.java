package org.dialerd.core.dialer;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A daily time range, both ends inclusive, that may cross midnight: when {@code start} is
 * after {@code end} (22:00-06:00) the range is "from start to midnight, then from midnight to
 * end". The columns are TIME with one-second precision, so the instant compared is truncated to
 * the second; that is what makes 00:00:00-23:59:59 cover the whole day (23:59:59.7 counts as
 * 23:59:59). start equal to end is a one-second window, as the reference's
 * {@code init <= now AND now <= end} reads it.
 */
public record DailyWindow(LocalTime start, LocalTime end) {
    public static final DailyWindow ALL_DAY = new DailyWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59));

    public DailyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean crossesMidnight() {
        return start.isAfter(end);
    }

    public boolean contains(LocalTime time) {
        LocalTime t = time.truncatedTo(ChronoUnit.SECONDS);
        if (crossesMidnight()) {
            return !t.isBefore(start) || !t.isAfter(end);
        }
        return !t.isBefore(start) && !t.isAfter(end);
    }
}
