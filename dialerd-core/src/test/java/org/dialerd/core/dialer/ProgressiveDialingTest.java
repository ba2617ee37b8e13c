package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressiveDialingTest {
    static DialerSnapshot snapshot(List<QueueMember> members, int waiting, int pending, long maxChannels,
                                   int inUse) {
        return new DialerSnapshot(members, waiting, pending, 0, inUse, maxChannels, RunningStats.EMPTY, 8, 0, 0,
                PredictorTest.settings(true, true));
    }

    private static final List<QueueMember> MEMBERS = List.of(QueueMember.idle("a"), QueueMember.idle("b"),
            QueueMember.idle("c"), QueueMember.talking("d", 500), new QueueMember("e", MemberState.NOT_INUSE, true, 0));

    @Test
    void placesOneCallPerFreeAgentLessTheCallsAlreadyInFlight() {
        assertEquals(3, ProgressiveDialing.decide(DialRound.of(snapshot(MEMBERS, 0, 0, 0, 0))).callsToPlace());
        assertEquals(1, ProgressiveDialing.decide(DialRound.of(snapshot(MEMBERS, 1, 1, 0, 2))).callsToPlace());
        assertEquals(0, ProgressiveDialing.decide(DialRound.of(snapshot(MEMBERS, 2, 3, 0, 5))).callsToPlace());
    }

    @Test
    void neverPredictsNorOvercommitsWhereTheReferenceWould() {
        // The reference with overcommit and a long call predicted to end would place more.
        DialerSnapshot s = new DialerSnapshot(MEMBERS, 0, 0, 0, 1, 0, RunningStats.fromColumns(50L, 60L, 10L), 8,
                100, 25, PredictorTest.settings(true, true));
        assertEquals(16, Predictor.decide(s).callsToPlace());
        assertEquals(3, ProgressiveDialing.decide(DialRound.of(s)).callsToPlace());
    }

    @Test
    void maxCanalesStillCaps() {
        assertEquals(2, ProgressiveDialing.decide(DialRound.of(snapshot(MEMBERS, 0, 0, 3, 1))).callsToPlace());
    }
}
