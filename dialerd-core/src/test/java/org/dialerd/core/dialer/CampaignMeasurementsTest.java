package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CampaignMeasurementsTest {
    @Test
    void answerRateWaitsUntilEveryOutcomeOfTheirTimeIsKnown() {
        CampaignMeasurements m = new CampaignMeasurements();
        m.failed(0, 30); // a no-answer takes 30 s
        m.answered(10, 5);
        m.answered(20, 5); // placed at 20: its failures would only be known at 50
        assertEquals(1, m.snapshot(30).outcomes());
        assertEquals(0, m.snapshot(30).answerProbability());
        Measurements later = m.snapshot(50);
        assertEquals(3, later.outcomes());
        assertEquals(2.0 / 3, later.answerProbability(), 1e-9);
        assertEquals(2, later.answerDelay().size());
        assertEquals(1, later.failDelay().size());
    }

    @Test
    void anAnsweredCallNoAgentTookWithinTwoSecondsCountsAbandoned() {
        CampaignMeasurements m = new CampaignMeasurements();
        m.agentReached(0.5);
        m.agentReached(2.0);
        m.agentReached(2.1);
        m.agentNeverReached();
        Measurements s = m.snapshot(0);
        assertEquals(4, s.answered());
        assertEquals(2, s.abandoned());
        assertEquals(0.5, s.abandonRate());
    }

    @Test
    void keepsTheMeasuredWrapUps() {
        CampaignMeasurements m = new CampaignMeasurements();
        assertEquals(0, m.snapshot(0).wrapup().size());
        m.wrappedUp(10);
        m.wrappedUp(4);
        Measurements s = m.snapshot(0);
        assertEquals(2, s.wrapup().size());
        assertEquals(7, s.wrapup().mean(), 1e-9);
    }

    @Test
    void keepsTheLastWindowOfTalkTimes() {
        CampaignMeasurements m = new CampaignMeasurements();
        for (int i = 0; i < CampaignMeasurements.WINDOW + 10; i++) {
            m.talked(i < 10 ? 1000 : 60);
        }
        Measurements s = m.snapshot(0);
        assertEquals(CampaignMeasurements.WINDOW, s.talk().size());
        assertEquals(60, s.talk().mean(), 1e-9);
    }
}
