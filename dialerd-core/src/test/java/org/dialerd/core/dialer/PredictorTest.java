package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.Test;

class PredictorTest {
    /** Mean talk 120 s over 10 calls, the minimum for predictions. */
    private static final RunningStats TEN_CALLS = RunningStats.fromColumns(10L, 120L, 30L);

    static DaemonSettings settings(boolean predictive, boolean overcommit) {
        return settings(predictive, overcommit, 0);
    }

    static DaemonSettings settings(boolean predictive, boolean overcommit, int extraCalls) {
        DaemonSettings d = DaemonSettings.DEFAULTS;
        return new DaemonSettings(d.asteriskHost(), d.asteriskUser(), d.asteriskPassword(), d.sessionDuration(),
                d.shortCallSeconds(), d.initialAnswerSeconds(), d.debug(), d.allEvents(), overcommit, d.qos(),
                predictive, d.originateTimeoutSeconds(), extraCalls, d.dialIntervalSeconds());
    }

    private static DialerSnapshot snapshot(List<QueueMember> members, int waiting, int pending, int scheduled,
                                           RunningStats stats, DaemonSettings settings) {
        return new DialerSnapshot(members, waiting, pending, scheduled, 0, 0, stats, 8, 0, 0, settings);
    }

    private static DialerSnapshot withRecent(DialerSnapshot s, int placed, int answered) {
        return new DialerSnapshot(s.members(), s.waitingInQueue(), s.pendingOriginates(), s.scheduledCalls(),
                s.channelsInUse(), s.maxChannels(), s.talkStats(), s.meanAnswerSeconds(), placed, answered,
                s.settings());
    }

    private static List<QueueMember> idle(int n) {
        List<QueueMember> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(QueueMember.idle("Agent/" + i));
        }
        return members;
    }

    @Test
    void freeAgentsAreIdleOrRingingAndNotPaused() {
        List<QueueMember> members = List.of(QueueMember.idle("a"),
                new QueueMember("b", MemberState.RINGING, false, 0),
                new QueueMember("c", MemberState.NOT_INUSE, true, 0),
                new QueueMember("d", MemberState.UNAVAILABLE, false, 0), QueueMember.talking("e", 5));
        DialDecision d = Predictor.decide(snapshot(members, 0, 0, 0, TEN_CALLS, settings(true, false)));
        assertEquals(2, d.freeAgents());
        assertEquals(0, d.aboutToBeFree());
        assertEquals(2, d.callsToPlace());
    }

    @Test
    void waitingPendingAndScheduledCallsAreSubtractedAndTheResultFlooredAtZero() {
        DialDecision d = Predictor.decide(snapshot(idle(5), 1, 2, 1, TEN_CALLS, settings(true, false)));
        assertEquals(1, d.callsToPlace());
        d = Predictor.decide(snapshot(idle(2), 1, 3, 0, TEN_CALLS, settings(true, false)));
        assertEquals(-2, d.demand());
        assertEquals(0, d.callsToPlace());
    }

    @Test
    void longCallCountsAsAboutToBeFreeWhenProbabilityReachesQos() {
        // P = 1 - e^(-(8 + t)/120) >= 0.97 needs t >= 120 * ln(1/0.03) - 8 = 412.8 s
        List<QueueMember> members = List.of(QueueMember.talking("a", 413), QueueMember.talking("b", 412));
        DialDecision d = Predictor.decide(snapshot(members, 0, 0, 0, TEN_CALLS, settings(true, false)));
        assertEquals(1, d.aboutToBeFree());
        assertEquals(1, d.callsToPlace());
    }

    @Test
    void noPredictionWithFewerThanTenCompletedCallsOrPredictiveOff() {
        List<QueueMember> members = List.of(QueueMember.talking("a", 10_000));
        RunningStats nine = RunningStats.fromColumns(9L, 120L, 30L);
        assertEquals(0, Predictor.decide(snapshot(members, 0, 0, 0, nine, settings(true, false))).callsToPlace());
        DialDecision off = Predictor.decide(snapshot(members, 0, 0, 0, TEN_CALLS, settings(false, false)));
        assertEquals(0, off.callsToPlace());
        assertTrue(off.explain().contains("predictive off"), off.explain());
    }

    @Test
    void pausedBusyAgentIsNeverAboutToBeFree() {
        List<QueueMember> members = List.of(new QueueMember("a", MemberState.INUSE, true, 10_000));
        assertEquals(0, Predictor.decide(snapshot(members, 0, 0, 0, TEN_CALLS, settings(true, false)))
                .aboutToBeFree());
    }

    @Test
    void overcommitDividesByTheAnswerRateRoundingDown() {
        DialerSnapshot s = withRecent(snapshot(idle(3), 0, 0, 0, TEN_CALLS, settings(true, true)), 20, 15);
        DialDecision d = Predictor.decide(s);
        assertEquals(4, d.callsToPlace()); // 3 / 0.75 = 4 exactly
        s = withRecent(snapshot(idle(3), 0, 0, 0, TEN_CALLS, settings(true, true)), 20, 14);
        assertEquals(4, Predictor.decide(s).callsToPlace()); // 3 / 0.7 = 4.29
    }

    @Test
    void overcommitNeverUsesAnAnswerRateBelowTwentyPercent() {
        DialerSnapshot s = withRecent(snapshot(idle(2), 0, 0, 0, TEN_CALLS, settings(true, true)), 50, 1);
        DialDecision d = Predictor.decide(s);
        assertEquals(0.20, d.answerRate().orElseThrow(), 1e-12);
        assertEquals(10, d.callsToPlace());
    }

    @Test
    void overcommitWaitsForTenRecentCalls() {
        DialerSnapshot s = withRecent(snapshot(idle(2), 0, 0, 0, TEN_CALLS, settings(true, true)), 9, 1);
        assertEquals(2, Predictor.decide(s).callsToPlace());
        s = withRecent(snapshot(idle(2), 0, 0, 0, TEN_CALLS, settings(true, false)), 50, 10);
        assertEquals(2, Predictor.decide(s).callsToPlace());
    }

    @Test
    void forzarSobrecolocarAddsCallsOnlyWhenAnAgentIsFree() {
        DialDecision d = Predictor.decide(snapshot(idle(2), 0, 0, 0, TEN_CALLS, settings(true, false, 3)));
        assertEquals(5, d.callsToPlace(), d.explain());
        assertTrue(d.explain().contains("+ 3 forced"), d.explain());
        // Nobody free (the only member has a caller waiting for it): no extra calls either.
        assertEquals(0, Predictor.decide(snapshot(idle(1), 1, 0, 0, TEN_CALLS, settings(true, false, 3)))
                .callsToPlace());
    }

    @Test
    void forcedCallsStillOriginatingCountAgainstTheNextRound() {
        // Round 1 placed 1 + 3 forced; all 4 still ring: round 2 places nothing more.
        assertEquals(0, Predictor.decide(snapshot(idle(1), 0, 4, 0, TEN_CALLS, settings(true, false, 3)))
                .callsToPlace());
        assertEquals(1, Predictor.decide(snapshot(idle(1), 0, 3, 0, TEN_CALLS, settings(true, false, 3)))
                .callsToPlace());
    }

    @Test
    void maxCanalesCapsTheChannelsInUse() {
        DaemonSettings settings = settings(true, false);
        DialerSnapshot s = new DialerSnapshot(idle(10), 0, 0, 0, 3, 5, TEN_CALLS, 8, 0, 0, settings);
        DialDecision d = Predictor.decide(s);
        assertEquals(10, d.beforeCap());
        assertEquals(2, d.callsToPlace());
        s = new DialerSnapshot(idle(10), 0, 0, 0, 7, 5, TEN_CALLS, 8, 0, 0, settings);
        assertEquals(0, Predictor.decide(s).callsToPlace());
        s = new DialerSnapshot(idle(10), 0, 0, 0, 7, 0, TEN_CALLS, 8, 0, 0, settings);
        assertEquals(10, Predictor.decide(s).callsToPlace());
    }

    @Test
    void memberStateFollowsAsteriskNumbering() {
        assertEquals(MemberState.NOT_INUSE, MemberState.fromQueueStatus(1));
        assertEquals(MemberState.RINGING, MemberState.fromQueueStatus(6));
        assertEquals(MemberState.ONHOLD, MemberState.fromQueueStatus(8));
        assertEquals(MemberState.UNKNOWN, MemberState.fromQueueStatus(42));
    }
}
