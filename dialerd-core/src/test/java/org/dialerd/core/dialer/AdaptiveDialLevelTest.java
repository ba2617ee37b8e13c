package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveDialLevelTest {
    private static DialRound round(int abandoned) {
        CampaignMeasurements m = new CampaignMeasurements();
        for (int i = 0; i < 100; i++) {
            if (i < abandoned) {
                m.agentNeverReached();
            } else {
                m.agentReached(0);
            }
        }
        DialerSnapshot s = new DialerSnapshot(List.of(QueueMember.idle("a"), QueueMember.idle("b"),
                QueueMember.talking("c", 10), QueueMember.talking("d", 10)), 0, 0, 0, 2, 0, RunningStats.EMPTY, 8, 0, 0,
                PredictorTest.settings(true, false));
        return new DialRound(s, List.of(), m.snapshot(0), CampaignOptions.DEFAULTS);
    }

    @Test
    void atLevelOneItIsProgressive() {
        assertEquals(2, new AdaptiveDialLevel(3, 3).decide(round(0)).callsToPlace());
    }

    @Test
    void raisesTheLevelWhileDropsAreUnderTheLimitUpToTheMaximum() {
        AdaptiveDialLevel adaptive = new AdaptiveDialLevel(3, 1.5);
        for (int i = 0; i < 100; i++) {
            adaptive.decide(round(1));
        }
        assertEquals(1.5, adaptive.level(), 1e-9);
        // 1.5 lines x 4 agents - 2 talking = 4 calls.
        assertEquals(4, adaptive.decide(round(1)).callsToPlace());
    }

    @Test
    void fallsBackToOneLinePerAgentAtTheLimit() {
        AdaptiveDialLevel adaptive = new AdaptiveDialLevel(3, 3);
        for (int i = 0; i < 50; i++) {
            adaptive.decide(round(0));
        }
        for (int i = 0; i < AdaptiveDialLevel.ROUNDS_PER_ADJUSTMENT; i++) {
            adaptive.decide(round(3));
        }
        assertEquals(1.0, adaptive.level(), 1e-9);
    }
}
