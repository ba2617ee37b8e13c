package org.dialerd.core.dialer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

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

    /** False once the window's last date has passed: such a call can never be dialled again. */
    public boolean canStillMatch(LocalDate today) {
        return dateEnd == null || !today.isAfter(dateEnd);
    }
}
