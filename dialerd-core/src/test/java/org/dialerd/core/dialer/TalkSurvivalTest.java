package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TalkSurvivalTest {
    private static EmpiricalDistribution finished(Double... seconds) {
        return EmpiricalDistribution.of(List.of(seconds));
    }

    @Test
    void withoutCallsInProgressItIsTheEmpiricalDistribution() {
        TalkSurvival s = TalkSurvival.of(finished(10.0, 20.0, 30.0, 40.0), new double[0]);
        assertEquals(1.0, s.survival(5), 1e-12);
        assertEquals(0.75, s.survival(10), 1e-12);
        assertEquals(0.5, s.survival(25), 1e-12);
        assertEquals(finished(10.0, 20.0, 30.0, 40.0).conditionalCdf(15, 10), s.conditionalCdf(15, 10), 1e-12);
    }

    @Test
    void callsInProgressCountAsAtLeastTheirElapsedTime() {
        // Kaplan–Meier: at 10 s, 1 of 4 at risk ends; the call at 25 s leaves the risk set; at 30 s 1 of 1.
        TalkSurvival s = TalkSurvival.of(finished(10.0, 20.0, 30.0), new double[] {25});
        assertEquals(0.75, s.survival(10), 1e-12);
        assertEquals(0.5, s.survival(20), 1e-12);
        assertEquals(0.0, s.survival(30), 1e-12);
    }

    @Test
    void whileACampaignStartsTheShortFirstCallsDoNotPromiseAgentsEarly() {
        // Three calls ended after 10 s; seven are still going after 40 s.
        EmpiricalDistribution ended = finished(10.0, 10.0, 10.0);
        TalkSurvival s = TalkSurvival.of(ended, new double[] {40, 40, 40, 40, 40, 40, 40});
        assertEquals(1.0, ended.conditionalCdf(5, 10), 1e-12, "the finished calls alone");
        assertEquals(0.3, s.conditionalCdf(5, 10), 1e-12);
    }

    @Test
    void pastTheLongestFinishedCallNothingEndsSoon() {
        TalkSurvival s = TalkSurvival.of(finished(10.0, 20.0), new double[] {50});
        assertEquals(0, s.conditionalCdf(20, 100), 1e-12);
        assertEquals(0, s.conditionalCdf(5, 0), 1e-12);
        assertEquals(0, TalkSurvival.of(EmpiricalDistribution.EMPTY, new double[] {5}).conditionalCdf(1, 10), 1e-12);
    }
}
