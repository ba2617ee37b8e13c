package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DialStrategiesTest {
    private static final DialerSnapshot SNAPSHOT = new DialerSnapshot(List.of(QueueMember.idle("a"),
            QueueMember.idle("b"), QueueMember.talking("c", 900)), 0, 0, 0, 1, 0, RunningStats.fromColumns(50L, 60L,
            10L), 8, 100, 50, PredictorTest.settings(true, true));

    private static DialRound round(DialMode mode) {
        return new DialRound(SNAPSHOT, List.of(), Measurements.NONE, new CampaignOptions(mode, 3, Optional.empty(),
                Duration.ZERO));
    }

    @Test
    void referenceModeDecidesExactlyAsTheReferencePredictor() {
        assertEquals(Predictor.decide(SNAPSHOT), DialStrategies.standard().decide(round(DialMode.REFERENCE)));
        assertEquals(6, DialStrategies.standard().decide(round(DialMode.REFERENCE)).callsToPlace());
    }

    @Test
    void progressiveModeDialsOnlyForFreeAgents() {
        assertEquals(2, DialStrategies.standard().decide(round(DialMode.PROGRESSIVE)).callsToPlace());
    }

    @Test
    void previewModeDialsNothingUntilThePreviewComponentPlugsIn() {
        assertEquals(0, DialStrategies.standard().decide(round(DialMode.PREVIEW)).callsToPlace());
        DialStrategy accepted = r -> new DialDecision(0, 0, 0, OptionalDouble.empty(), 1, 1, List.of("accepted"));
        assertEquals(1, DialStrategies.standard().with(DialMode.PREVIEW, accepted).decide(round(DialMode.PREVIEW))
                .callsToPlace());
    }

    @Test
    void aCampaignWithoutOptionsDialsAsTheReference() {
        assertEquals(DialMode.REFERENCE, CampaignOptions.DEFAULTS.mode());
    }
}
