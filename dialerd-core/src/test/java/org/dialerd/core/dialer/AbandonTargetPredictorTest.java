package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbandonTargetPredictorTest {
    private static final CampaignOptions PREDICTIVE = new CampaignOptions(DialMode.PREDICTIVE, 3, Optional.empty(),
            Duration.ZERO);

    /** Two free agents, eight whose 60 s calls have lasted 59 s. */
    private static DialerSnapshot snapshot() {
        return snapshot(59);
    }

    /** Two free agents, eight whose 60 s calls have lasted {@code talked} seconds. */
    private static DialerSnapshot snapshot(long talked) {
        List<QueueMember> members = new ArrayList<>(List.of(QueueMember.idle("a"), QueueMember.idle("b")));
        for (int i = 0; i < 8; i++) {
            members.add(QueueMember.talking("t" + i, talked));
        }
        return new DialerSnapshot(members, 0, 0, 0, 8, 0, RunningStats.EMPTY, 8, 0, 0, PredictorTest.settings(true,
                false));
    }

    /** Half the calls answered after 5 s, the rest failing at 30 s; talk 60 s; abandoned ones as given. */
    private static Measurements measured(int answered, int abandoned) {
        CampaignMeasurements m = new CampaignMeasurements();
        for (int i = 0; i < 200; i++) {
            if (i % 2 == 0) {
                m.answered(i, 5);
            } else {
                m.failed(i, 30);
            }
            m.talked(60);
        }
        for (int i = 0; i < answered; i++) {
            if (i < abandoned) {
                m.agentNeverReached();
            } else {
                m.agentReached(1);
            }
        }
        return m.snapshot(1000);
    }

    private static int decide(Measurements m, CampaignOptions options) {
        return AbandonTargetPredictor.decide(new DialRound(snapshot(), List.of(), m, options)).callsToPlace();
    }

    @Test
    void dialsProgressiveWhileItHasNotMeasuredEnough() {
        DialDecision d = AbandonTargetPredictor.decide(new DialRound(snapshot(), List.of(), Measurements.NONE,
                PREDICTIVE));
        assertEquals(2, d.callsToPlace());
        assertTrue(d.explain().contains("learning"), d.explain());
    }

    @Test
    void dialsAheadForAgentsWhoseCallsAreAboutToEnd() {
        int calls = decide(measured(1000, 0), PREDICTIVE);
        // Ten agents free within 3 s, half the calls answered after 5 s: about twenty calls.
        assertTrue(calls > 10 && calls <= 24, "calls " + calls);
    }

    @Test
    void overTheTargetItPlacesOnlyWhatTheForecastIsNearlySureOf() {
        // Calls that have lasted 10 s of 60: no agent frees within the answer window.
        DialDecision over = AbandonTargetPredictor.decide(new DialRound(snapshot(10), List.of(), measured(100, 10),
                PREDICTIVE));
        assertEquals(2, over.callsToPlace(), over.explain());
        // Calls that have lasted 59 s of 60 (every talk time measured is 60 s): agents certain to free
        // still get a call, fewer than with no abandons.
        int sure = decide(measured(100, 10), PREDICTIVE);
        assertTrue(sure > 2 && sure < decide(measured(1000, 0), PREDICTIVE), "calls " + sure);
    }

    @Test
    void aStricterTargetPlacesFewerCalls() {
        CampaignOptions strict = new CampaignOptions(DialMode.PREDICTIVE, 0.5, Optional.empty(), Duration.ZERO);
        assertTrue(decide(measured(1000, 4), strict) < decide(measured(1000, 4), PREDICTIVE));
    }

    @Test
    void wrapUpTimeKeepsAgentsWhoseCallsEndFromBeingCountedFree() {
        CampaignOptions wrapup = new CampaignOptions(DialMode.PREDICTIVE, 3, Optional.empty(), Duration.ofSeconds(30));
        int with = decide(measured(1000, 0), wrapup);
        int without = decide(measured(1000, 0), PREDICTIVE);
        assertTrue(with < without, with + " with 30 s of wrap-up, " + without + " without");
        assertTrue(with >= 2, "the free agents still get calls: " + with);
    }

    @Test
    void measuredWrapUpsReplaceTheConfiguredOneOnceThereAreEnough() {
        CampaignOptions wrapup = new CampaignOptions(DialMode.PREDICTIVE, 3, Optional.empty(), Duration.ofSeconds(30));
        int configured = decide(measured(1000, 0), wrapup);
        // Agents end their 30 s of wrap-up after 1 s (endwrapup): they are back as if there were none.
        int shortOnes = decide(wrappedUp(measured(1000, 0), 1, AbandonForecast.MIN_WRAPUP_SAMPLES), wrapup);
        assertEquals(decide(wrappedUp(measured(1000, 0), 0, AbandonForecast.MIN_WRAPUP_SAMPLES), PREDICTIVE),
                decide(measured(1000, 0), PREDICTIVE), "no wrap-up measured as none configured");
        assertTrue(shortOnes > configured, shortOnes + " with 1 s measured, " + configured + " with 30 s configured");
        // Too few samples: the configured wrap-up still holds.
        assertEquals(configured, decide(wrappedUp(measured(1000, 0), 1, AbandonForecast.MIN_WRAPUP_SAMPLES - 1),
                wrapup));
        // Agents who stay in wrap-up longer than configured (60 s measured) are promised later still.
        CampaignOptions none = PREDICTIVE;
        assertTrue(decide(wrappedUp(measured(1000, 0), 60, AbandonForecast.MIN_WRAPUP_SAMPLES), none)
                < decide(measured(1000, 0), none));
    }

    /** The same measurements with {@code count} wrap-ups of {@code seconds} each. */
    private static Measurements wrappedUp(Measurements m, double seconds, int count) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(seconds);
        }
        return new Measurements(m.answerProbability(), m.outcomes(), m.answerDelay(), m.failDelay(), m.talk(),
                m.answered(), m.abandoned(), EmpiricalDistribution.of(samples));
    }

    @Test
    void ringingCallsCountAgainstTheAgentsTheyWillNeed() {
        List<Double> ringing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ringing.add(1.0);
        }
        DialerSnapshot s = snapshot();
        DialerSnapshot withRinging = new DialerSnapshot(s.members(), 0, 10, 0, 18, 0, s.talkStats(), 8, 0, 0,
                s.settings());
        int calls = AbandonTargetPredictor.decide(new DialRound(withRinging, ringing, measured(1000, 0), PREDICTIVE))
                .callsToPlace();
        assertTrue(calls < decide(measured(1000, 0), PREDICTIVE), "calls " + calls);
    }
}
