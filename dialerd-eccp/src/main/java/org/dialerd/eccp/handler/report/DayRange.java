package org.dialerd.eccp.handler.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The {@code datetime_start}/{@code datetime_end} arguments of campaignlog and
 * getagentactivitysummary: days {@code yyyy-mm-dd}, each defaulting to today, swapped when
 * the end comes first; a range covers {@code first 00:00:00} to {@code last 23:59:59}.
 *
 * <p>The reference only checks the shape {@code \d{4}-\d{2}-\d{2}} and hands the text to
 * MariaDB, which compares it with the DATETIME column as the triple (year, month, day): a day
 * past the month's end ({@code 2026-02-30}) or a day or month 00 still orders between real
 * dates, and a month above 12 or a day above 31 becomes the zero date. {@link #of} turns such
 * texts into the real days that select the same rows, so odd dates answer as they did.
 *
 * @param first first day (inclusive); after {@code last} when the range selects nothing
 * @param last  last day (inclusive)
 */
public record DayRange(LocalDate first, LocalDate last) {
    /** MariaDB's DATETIME range. */
    static final LocalDate MIN_DAY = LocalDate.of(1000, 1, 1);
    static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 31);
    /** A range that selects no row. */
    static final DayRange NOTHING = new DayRange(MAX_DAY, MIN_DAY);

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Reads both arguments; a badly shaped one is a top-level 400 naming it. */
    public static DayRange from(XmlElement request, LocalDate today) {
        String start = request.childText("datetime_start").map(text -> checked(text, "invalid start date"))
                .orElse(today.toString());
        String end = request.childText("datetime_end").map(text -> checked(text, "invalid end date"))
                .orElse(today.toString());
        return end.compareTo(start) < 0 ? of(end, start) : of(start, end);
    }

    /** The range between two well-shaped day texts, already in order, as MariaDB would compare them. */
    static DayRange of(String startText, String endText) {
        LocalDate first = earliestOnOrAfter(startText);
        LocalDate last = latestOnOrBefore(endText);
        if (first == null || last == null || first.isAfter(last)) {
            return NOTHING;
        }
        return new DayRange(first, last);
    }

    private static String checked(String text, String detail) {
        if (!DAY.matcher(text).matches()) {
            throw EccpFailure.badRequest(detail);
        }
        return text;
    }

    /** The first real day not before the text's (year, month, day); null when there is none. */
    private static LocalDate earliestOnOrAfter(String text) {
        int[] ymd = triple(text);
        if (ymd == null) {
            return MIN_DAY;
        }
        int year = ymd[0];
        int month = ymd[1];
        int day = ymd[2];
        LocalDate earliest;
        if (month == 0) {
            earliest = LocalDate.of(year, 1, 1);
        } else if (day == 0) {
            earliest = LocalDate.of(year, month, 1);
        } else if (day > YearMonth.of(year, month).lengthOfMonth()) {
            earliest = YearMonth.of(year, month).plusMonths(1).atDay(1);
        } else {
            earliest = LocalDate.of(year, month, day);
        }
        if (earliest.isAfter(MAX_DAY)) {
            return null;
        }
        return earliest.isBefore(MIN_DAY) ? MIN_DAY : earliest;
    }

    /** The last real day not after the text's (year, month, day); null when there is none. */
    private static LocalDate latestOnOrBefore(String text) {
        int[] ymd = triple(text);
        if (ymd == null) {
            return null;
        }
        int year = ymd[0];
        int month = ymd[1];
        int day = ymd[2];
        LocalDate latest;
        if (month == 0) {
            latest = LocalDate.of(year, 1, 1).minusDays(1);
        } else if (day == 0) {
            latest = LocalDate.of(year, month, 1).minusDays(1);
        } else {
            latest = YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
        }
        return latest.isBefore(MIN_DAY) ? null : latest;
    }

    /** (year, month, day) of a well-shaped text; null for what MariaDB turns into the zero date. */
    private static int[] triple(String text) {
        Matcher matcher = DAY.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a day: " + text);
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        return month > 12 || day > 31 ? null : new int[] {year, month, day};
    }
}
