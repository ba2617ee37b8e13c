package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignWindowTest {
    private static final LocalDate START = LocalDate.of(2024, 5, 1);
    private static final LocalDate END = LocalDate.of(2024, 5, 31);

    private static CampaignWindow window(String from, String to) {
        return new CampaignWindow(START, END, new DailyWindow(LocalTime.parse(from), LocalTime.parse(to)));
    }

    private static LocalDateTime at(int day, String time) {
        return LocalDateTime.of(LocalDate.of(2024, 5, day), LocalTime.parse(time));
    }

    @Test
    void activeInsideDatesAndHours() {
        assertEquals(CampaignActivity.ACTIVE, window("09:00", "18:00").activity("A", at(10, "12:00")));
    }

    @Test
    void hoursAndDatesAreInclusive() {
        CampaignWindow w = window("09:00", "18:00");
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(1, "09:00")));
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(31, "18:00:00.900")));
        assertEquals(CampaignActivity.OUTSIDE_HOURS, w.activity("A", at(31, "18:00:01")));
    }

    @Test
    void windowCrossingMidnightIsActiveAtOneInTheMorning() {
        CampaignWindow w = window("22:00", "06:00");
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(10, "01:00")));
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(10, "23:30")));
        assertEquals(CampaignActivity.OUTSIDE_HOURS, w.activity("A", at(10, "12:00")));
    }

    @Test
    void midnightToLastSecondMeansAllDay() {
        CampaignWindow w = window("00:00:00", "23:59:59");
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(10, "00:00")));
        assertEquals(CampaignActivity.ACTIVE, w.activity("A", at(10, "23:59:59.999")));
    }

    @Test
    void expiredCampaignBecomesInactive() {
        CampaignActivity activity = window("09:00", "18:00").activity("A", LocalDateTime.of(2024, 6, 1, 12, 0));
        assertEquals(CampaignActivity.EXPIRED, activity);
        assertEquals(Optional.of("I"), activity.newStatus());
    }

    @Test
    void campaignNotYetStartedIsLeftAlone() {
        CampaignActivity activity = window("09:00", "18:00").activity("A", LocalDateTime.of(2024, 4, 30, 12, 0));
        assertEquals(CampaignActivity.NOT_STARTED, activity);
        assertEquals(Optional.empty(), activity.newStatus());
    }

    @Test
    void inactiveOrFinishedCampaignIsNeverDialled() {
        assertEquals(CampaignActivity.NOT_ACTIVE, window("09:00", "18:00").activity("I", at(10, "12:00")));
        assertEquals(CampaignActivity.NOT_ACTIVE, window("09:00", "18:00").activity("T", at(10, "12:00")));
    }

    @Test
    void callWindowWithNullColumnsIsUnboundedOnThatSide() {
        CallWindow fromNine = new CallWindow(null, null, LocalTime.of(9, 0), null);
        assertFalse(fromNine.isUnbounded());
        assertTrue(fromNine.matches(at(10, "23:59")));
        assertFalse(fromNine.matches(at(10, "08:59")));
        CallWindow untilTheFifth = new CallWindow(null, LocalDate.of(2024, 5, 5), null, null);
        assertTrue(untilTheFifth.matches(at(5, "23:00")));
        assertFalse(untilTheFifth.matches(at(6, "00:00")));
        assertTrue(CallWindow.NONE.isUnbounded());
        assertTrue(CallWindow.NONE.matches(at(10, "03:00")));
    }

    @Test
    void callWindowCrossingMidnightMatchesAtOneInTheMorning() {
        CallWindow nights = new CallWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3), LocalTime.of(22, 0),
                LocalTime.of(6, 0));
        assertTrue(nights.matches(at(2, "01:00")));
        assertFalse(nights.matches(at(2, "12:00")));
        assertFalse(nights.matches(at(4, "01:00")));
    }

    @Test
    void callWindowWhoseLastDateHasPassedCanNeverMatchAgain() {
        CallWindow w = new CallWindow(null, LocalDate.of(2024, 5, 3), null, null);
        assertTrue(w.canMatchFrom(at(3, "23:59")));
        assertFalse(w.canMatchFrom(at(4, "00:00")));
    }
}
