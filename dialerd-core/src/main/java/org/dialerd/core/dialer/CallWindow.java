package org.dialerd.core.dialer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * A call's own window: {@code calls.date_init, date_end, time_init, time_end}. Each component
 * is nullable, exactly when its column is NULL, and a NULL bound is unbounded on that side.
 * With both times present the daily range follows {@link DailyWindow} (it may cross midnight);
 * with one time only it is a plain "from" or "until" on every day of the date range.
 */
public record CallWindow(LocalDate dateInit, LocalDate dateEnd, LocalTime timeInit, LocalTime timeEnd) {
    public static final CallWindow NONE = new CallWindow(null, null, null, null);

    /** No column set: the call may be dialled whenever its campaign is active. */
    public boolean isUnbounded() {
        return dateInit == null && dateEnd == null && timeInit == null && timeEnd == null;
    }

    public boolean matches(LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (dateInit != null && today.isBefore(dateInit) || dateEnd != null && today.isAfter(dateEnd)) {
            return false;
        }
        if (timeInit != null && timeEnd != null) {
            return new DailyWindow(timeInit, timeEnd).contains(now.toLocalTime());
        }
        DailyWindow open = new DailyWindow(timeInit == null ? LocalTime.MIDNIGHT : timeInit,
                timeEnd == null ? DailyWindow.ALL_DAY.end() : timeEnd);
        return open.contains(now.toLocalTime());
    }

    /**
     * True when the window is open at {@code now} or at some later second: the question the
     * campaign's end asks ("could this call still be dialled?"), kept apart from
     * {@link #matches}, which the choice of the calls to dial asks. False when the last date has
     * passed, when the last date is today and its daily range ended before now (a range that
     * crosses midnight, or has no end, is open again before midnight), and when the dates are
     * reversed (date_init after date_end: never open). An unbounded window is always open.
     */
    public boolean canMatchFrom(LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (dateInit != null && dateEnd != null && dateInit.isAfter(dateEnd)) {
            return false;
        }
        if (dateEnd == null || today.isBefore(dateEnd)) {
            return true; // a later day of the range is open at some time of day
        }
        if (today.isAfter(dateEnd)) {
            return false;
        }
        LocalTime t = now.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
        return timeEnd == null || timeInit != null && timeInit.isAfter(timeEnd) || !timeEnd.isBefore(t);
    }
}
