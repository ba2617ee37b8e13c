package org.dialerd.eccp.handler.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The optional {@code datetime_start} of getcampaignstatus and getincomingqueuestatus: a day
 * {@code yyyy-mm-dd}, counted from its midnight. Only the shape is checked (else top-level 400
 * {@code Bad request - invalid start date}), as in the reference, which hands the text to
 * MariaDB; a day that does not exist ({@code 2026-02-30}) is read as the first real day after
 * it, which selects the same rows, and a month above 12 or a day above 31 (MariaDB's zero
 * date) restricts nothing.
 */
public final class StartDay {
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** Earlier than any DATETIME MariaDB stores. */
    private static final LocalDateTime ZERO = LocalDate.of(1000, 1, 1).atStartOfDay();

    private StartDay() {
    }

    public static Optional<LocalDateTime> from(XmlElement request) {
        return request.childText("datetime_start").map(StartDay::parse);
    }

    static LocalDateTime parse(String text) {
        Matcher day = DAY.matcher(text);
        if (!day.matches()) {
            throw EccpFailure.badRequest("invalid start date");
        }
        int year = Integer.parseInt(day.group(1));
        int month = Integer.parseInt(day.group(2));
        int dayOfMonth = Integer.parseInt(day.group(3));
        if (month > 12 || dayOfMonth > 31 || year < 1000) {
            return ZERO;
        }
        if (month == 0) {
            return LocalDate.of(year, 1, 1).atStartOfDay();
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (dayOfMonth > yearMonth.lengthOfMonth()) {
            return yearMonth.plusMonths(1).atDay(1).atStartOfDay();
        }
        return yearMonth.atDay(Math.max(1, dayOfMonth)).atStartOfDay();
    }
}
