package org.dialerd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class LiveStatsTest {
    private final ManualClock clock = new ManualClock();
    private final LiveStats stats = new LiveStats(clock, line -> "8001".equals(line.queue()) ? 20 : 30);

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private void incoming(long callId, String status) {
        stats.onEvent(new AgentEvent.CallProgress(null, now(), "incoming", 3, callId, status, 0, "u" + callId,
                "SIP/trunk", "5551234", "8001"));
    }

    private void outgoing(long callId, String status) {
        stats.onEvent(new AgentEvent.CallProgress(null, now(), "outgoing", 1, callId, status, 0, "o" + callId,
                null, "5550000", "8000"));
    }

    private void later(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void countsWaitingCallsAndTheLongestWait() {
        incoming(1, "OnQueue");
        later(5);
        incoming(2, "OnQueue");
        later(10);

        LineSnapshot queue = stats.line(LineKey.queue("8001"));
        assertEquals(2, queue.waiting());
        assertEquals(15, queue.longestWaitSeconds());
        assertEquals(2, queue.today().offered());
    }

    @Test
    void serviceLevelCountsAnswersWithinTheQueuesThreshold() {
        incoming(1, "OnQueue");
        incoming(2, "OnQueue");
        incoming(3, "OnQueue");
        later(10);
        incoming(1, "Success");   // 10 s: in time
        later(15);
        incoming(2, "Success");   // 25 s: late for 8001's 20 s
        incoming(3, "Abandoned");

        Window today = stats.line(LineKey.queue("8001")).today();
        assertEquals(2, today.answered());
        assertEquals(1, today.answeredInTime());
        assertEquals(1, today.abandoned());
        assertEquals(1.0 / 3, today.serviceLevel().orElseThrow(), 1e-9);
        assertEquals(1.0 / 3, today.abandonRate().orElseThrow(), 1e-9);
        assertEquals(17.5, today.averageSpeedOfAnswer().orElseThrow(), 1e-9);
        assertEquals(0, stats.line(LineKey.queue("8001")).waiting());
    }

    @Test
    void handleTimeIsTalkPlusTheWrapupThatFollowed() {
        incoming(1, "OnQueue");
        incoming(1, "Success");
        later(60);
        incoming(1, "Hangup");
        LocalDateTime wrapupStart = now();
        later(15);
        stats.onEvent(new AgentEvent.WrapupEnd("Agent/9000", wrapupStart, now(), 15, "timeout", "incoming", 3,
                "8001"));

        assertEquals(75.0, stats.line(LineKey.queue("8001")).today().averageHandleTime().orElseThrow(), 1e-9);
        assertEquals(75.0, stats.line(LineKey.campaign("incoming", 3)).today().averageHandleTime().orElseThrow(),
                1e-9);
        assertEquals(1, stats.line(LineKey.queue("8001")).today().handled(), "the wrap-up is no second call");
    }

    @Test
    void handleTimeRunsFromTheAgentTakingTheCallToItsHangup() {
        incoming(1, "OnQueue");
        incoming(1, "Success");
        later(90);
        incoming(1, "OnHold");
        later(30);
        incoming(1, "Hangup");

        Window today = stats.line(LineKey.campaign("incoming", 3)).today();
        assertEquals(1, today.handled());
        assertEquals(120.0, today.averageHandleTime().orElseThrow(), 1e-9);
    }

    @Test
    void campaignProgressCountsPlacedAnsweredAndFailed() {
        outgoing(1, "Placing");
        outgoing(2, "Placing");
        outgoing(3, "Placing");
        outgoing(1, "Ringing");
        outgoing(1, "OnQueue");
        later(1);
        outgoing(1, "Success");
        outgoing(2, "NoAnswer");
        outgoing(3, "Failure");

        Window campaign = stats.line(LineKey.campaign("outgoing", 1)).today();
        assertEquals(3, campaign.placed());
        assertEquals(1, campaign.answered());
        assertEquals(2, campaign.failed());
        assertEquals(30, stats.line(LineKey.campaign("outgoing", 1)).serviceLevelSeconds());
    }

    @Test
    void theRollingWindowForgetsCallsOlderThanFifteenMinutes() {
        incoming(1, "OnQueue");
        incoming(1, "Success");
        later(16 * 60);
        incoming(2, "OnQueue");
        incoming(2, "Success");

        LineSnapshot queue = stats.line(LineKey.queue("8001"));
        assertEquals(1, queue.last15Minutes().answered());
        assertEquals(2, queue.today().answered());
    }

    @Test
    void aNewDayStartsFromZero() {
        clock.advance(Duration.ofHours(13)); // 23:00 UTC
        incoming(1, "OnQueue");
        incoming(1, "Abandoned");
        later(2 * 3600);

        assertEquals(0, stats.line(LineKey.queue("8001")).today().abandoned());
    }

    @Test
    void estimatedWaitIsTheCallersAheadOverTheRecentAnswerRate() {
        for (long id = 1; id <= 4; id++) {
            incoming(id, "OnQueue");
            later(30);
            incoming(id, "Success");   // one answer every 30 s
        }
        incoming(5, "OnQueue");

        LineSnapshot queue = stats.line(LineKey.queue("8001"));
        // 4 answers in the 120 s since start: a new caller has 1 ahead, so (1 + 1) * 30 s.
        assertEquals(60.0, queue.estimatedWaitSeconds().orElseThrow(), 1e-9);
    }

    @Test
    void aCallAlreadyTalkingWhenDialerdStartedIsNotCountedAsAnswered() {
        incoming(9, "Success");
        later(60);
        incoming(9, "Hangup");

        Window today = stats.line(LineKey.queue("8001")).today();
        assertEquals(0, today.answered());
        assertEquals(1, today.handled());
    }

    @Test
    void listsEveryLineThatSawACall() {
        incoming(1, "OnQueue");
        outgoing(2, "Placing");

        List<LineKey> lines = stats.snapshot().stream().map(LineSnapshot::line).toList();
        assertEquals(List.of(LineKey.campaign("incoming", 3), LineKey.campaign("outgoing", 1),
                LineKey.queue("8000"), LineKey.queue("8001")), lines);
        assertTrue(stats.line(LineKey.queue("9999")).estimatedWaitSeconds().isEmpty());
    }
}
