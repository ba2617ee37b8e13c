package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the reference predictor over a virtual hour; prints the figures, asserts only the limits. */
class DialerSimulationTest {
    private static DialerSimulation.Report run(String label, DialerSimulation.Config config) {
        DialerSimulation.Report report = DialerSimulation.run(config);
        System.out.println("[dialer-sim] " + label + ": " + report);
        return report;
    }

    @Test
    void referenceAlgorithmNeverExceedsMaxCanales() {
        DialerSimulation.Config config = DialerSimulation.Config.typical(20, 0.5, 1)
                .withSettings(PredictorTest.settings(true, true)).withMaxChannels(6);
        DialerSimulation.Report report = run("20 agents, max_canales 6, overcommit", config);
        assertTrue(report.placed() > 0);
        assertTrue(report.maxChannelsInUse() <= 6, report.toString());
    }

    @Test
    void withPredictiveOffItNeverPlacesMoreThanFreeAgents() {
        DialerSimulation.Config config = DialerSimulation.Config.typical(10, 0.7, 2)
                .withSettings(PredictorTest.settings(false, false));
        DialerSimulation.Report report = run("10 agents, predictive off", config);
        assertTrue(report.placed() > 0);
        assertTrue(report.maxOverFreeAgents() <= 0, report.toString());
    }

    @Test
    void highAnswerRateWithoutOvercommitKeepsAbandonsLow() {
        DialerSimulation.Config config = DialerSimulation.Config.typical(10, 0.9, 3)
                .withSettings(PredictorTest.settings(true, false));
        DialerSimulation.Report report = run("10 agents, answer 90%, predictive, no overcommit", config);
        assertTrue(report.answered() > 100, report.toString());
        assertTrue(report.abandonRate() < 0.10, report.toString());
    }

    @Test
    void overcommitWithLowAnswerRateTradesIdleTimeForAbandons() {
        DialerSimulation.Config base = DialerSimulation.Config.typical(10, 0.3, 4);
        DialerSimulation.Report plain = run("10 agents, answer 30%, no overcommit",
                base.withSettings(PredictorTest.settings(true, false)));
        DialerSimulation.Report over = run("10 agents, answer 30%, overcommit",
                base.withSettings(PredictorTest.settings(true, true)));
        assertTrue(over.agentIdleFraction() < plain.agentIdleFraction(), over + " vs " + plain);
    }

    @Test
    void sameSeedGivesTheSameReport() {
        DialerSimulation.Config config = DialerSimulation.Config.typical(8, 0.6, 42);
        assertEquals(DialerSimulation.run(config), DialerSimulation.run(config));
    }
}
