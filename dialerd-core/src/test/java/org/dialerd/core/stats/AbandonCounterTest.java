package org.dialerd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.store.OutgoingCallStore.AnsweredAttempt;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class AbandonCounterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AbandonCounter counter = new AbandonCounter(clock, campaign -> campaign == 2 ? 5.0 : 3.0);

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private void progress(int campaign, long callId, String status) {
        counter.onEvent(new AgentEvent.CallProgress(null, now(), "outgoing", campaign, callId, status, 1,
                "u" + callId, null, "5550000", "8000"));
    }

    private void later(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    private AbandonFigures.Tally today(int campaign) {
        return counter.figures(campaign).today();
    }

    @Test
    void anAgentWithinTwoSecondsOfTheAnswerIsNotAbandoned() {
        progress(1, 10, "Ringing");
        later(500);
        progress(1, 10, "OnQueue");
        later(1500); // exactly 2 s: the rule allows it
        progress(1, 10, "Success");
        later(60_000);
        progress(1, 10, "Hangup");

        assertEquals(new AbandonFigures.Tally(1, 0), today(1));
        assertEquals(0.0, counter.abandonRate(1));
    }

    @Test
    void anAgentLaterThanTwoSecondsAfterTheAnswerIsAbandoned() {
        progress(1, 10, "Ringing");
        later(2001);
        progress(1, 10, "Success");
        progress(1, 10, "Hangup");

        assertEquals(new AbandonFigures.Tally(1, 1), today(1));
    }

    @Test
    void aCallStillWaitingPastTwoSecondsCountsAbandonedAtOnceAndOnlyOnce() {
        progress(1, 10, "Ringing");
        later(1900);
        assertEquals(new AbandonFigures.Tally(1, 0), today(1), "not yet decided");
        later(200);
        assertEquals(new AbandonFigures.Tally(1, 1), today(1));
        later(10_000);
        progress(1, 10, "Abandoned");

        assertEquals(new AbandonFigures.Tally(1, 1), today(1));
    }

    @Test
    void anAnsweredCallThatHangsUpBeforeAnyAgentIsAbandoned() {
        progress(1, 10, "Ringing");
        later(800);
        progress(1, 10, "Abandoned");

        assertEquals(new AbandonFigures.Tally(1, 1), today(1));
    }

    @Test
    void callsNeverAnsweredAndIncomingCallsAreNotCounted() {
        progress(1, 10, "Placing");
        progress(1, 10, "Dialing");
        progress(1, 10, "NoAnswer");
        counter.onEvent(new AgentEvent.CallProgress(null, now(), "incoming", 1, 11, "Ringing", 0, "u11", null,
                "5551111", "8001"));
        later(5000);

        assertEquals(AbandonFigures.Tally.EMPTY, today(1));
        assertTrue(counter.all().isEmpty());
    }

    @Test
    void theRateIsAbandonedOverAnsweredPerCampaignAgainstItsTarget() {
        for (long call = 1; call <= 4; call++) {
            progress(2, call, "Ringing");
        }
        later(100);
        progress(2, 1, "Success");
        progress(2, 2, "Success");
        progress(2, 3, "Success");
        later(3000); // call 4 waits past the rule
        progress(1, 9, "Ringing");
        progress(1, 9, "Success");

        AbandonFigures two = counter.figures(2);
        assertEquals(new AbandonFigures.Tally(4, 1), two.today());
        assertEquals(0.25, counter.abandonRate(2));
        assertEquals(5.0, two.targetPercent());
        assertTrue(two.overTarget());
        assertFalse(counter.figures(1).overTarget());
        assertEquals(List.of(1, 2), counter.all().stream().map(AbandonFigures::campaignId).toList());
    }

    @Test
    void todayStartsEmptyAtMidnightWhileThirtyDaysKeepsTheDaysBefore() {
        progress(1, 10, "Ringing");
        later(3000);
        progress(1, 11, "Ringing");
        progress(1, 11, "Success");
        clock.advance(Duration.ofHours(14)); // 00:00:03 the next day

        AbandonFigures next = counter.figures(1);
        assertEquals(AbandonFigures.Tally.EMPTY, next.today());
        assertEquals(new AbandonFigures.Tally(2, 1), next.last30Days());
        assertEquals(0.5, counter.abandonRate(1));
    }

    @Test
    void thirtyDaysAreTodayAndTheTwentyNineDaysBefore() {
        progress(1, 10, "Ringing");
        later(3000); // abandoned on 2026-11-22
        clock.advance(Duration.ofDays(29));
        progress(1, 11, "Ringing");
        progress(1, 11, "Success");
        assertEquals(new AbandonFigures.Tally(2, 1), counter.figures(1).last30Days(), "day 30 still counts");

        clock.advance(Duration.ofDays(1));
        assertEquals(new AbandonFigures.Tally(1, 0), counter.figures(1).last30Days(), "day 31 is out");
    }

    @Test
    void aRebuildCountsTheDatabasesAttemptsByTheSameRule() {
        LocalDateTime now = now();
        counter.rebuild(List.of(
                attempt(1, 1, now.minusDays(3), Optional.of(now.minusDays(3).plusSeconds(1))), // in time
                attempt(1, 2, now.minusDays(3), Optional.of(now.minusDays(3).plusSeconds(3))), // late
                attempt(1, 3, now.minusHours(2), Optional.empty()),                             // never linked
                attempt(1, 4, now.minusDays(30), Optional.empty()),                             // out of the window
                attempt(2, 5, now.minusSeconds(1), Optional.empty())));                         // still deciding

        AbandonFigures one = counter.figures(1);
        assertEquals(new AbandonFigures.Tally(1, 1), one.today());
        assertEquals(new AbandonFigures.Tally(3, 2), one.last30Days());
        assertEquals(new AbandonFigures.Tally(1, 0), today(2));

        progress(2, 5, "Success"); // the live event settles the attempt the database had open: in time
        later(5000);
        assertEquals(new AbandonFigures.Tally(1, 0), today(2));
    }

    @Test
    void aRebuiltAttemptStillWaitingIsSettledByTheRuleLive() {
        counter.rebuild(List.of(attempt(2, 5, now().minusSeconds(1), Optional.empty())));
        later(1500);

        assertEquals(new AbandonFigures.Tally(1, 1), today(2));
    }

    private static AnsweredAttempt attempt(int campaign, long callId, LocalDateTime answered,
                                           Optional<LocalDateTime> linked) {
        return new AnsweredAttempt(campaign, callId, 1, answered, linked);
    }
}
