package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import org.dialerd.core.dialer.DialStrategies;
import org.junit.jupiter.api.Test;

/** The predictive mode's measurements take the after-call work of the campaign's calls from the engine's events. */
class CampaignDialingTest {
    private static final LocalDateTime TEN = LocalDateTime.of(2026, 11, 22, 10, 0);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AgentEngine engine = new AgentEngine(new FakePbx(), new MemoryAudit(record -> { }), scheduler,
            scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
    private final CampaignDialing dialing = new CampaignDialing(engine, () -> null, DialStrategies.standard());

    private void wrapupEnded(long seconds, String how, String callType, Integer campaignId) {
        engine.announce(new AgentEvent.WrapupEnd("SIP/1001", TEN, TEN.plusSeconds(seconds), seconds, how, callType,
                campaignId, "8000"));
    }

    @Test
    void measuresTheWrapUpsAfterWhichTheAgentWentBackToWork() {
        wrapupEnded(10, "timeout", "outgoing", 1);
        wrapupEnded(4, "endwrapup", "outgoing", 1);
        wrapupEnded(6, "unpauseagent", "outgoing", 1);
        scheduler.settle();

        var wrapups = dialing.measured(1, TEN).wrapup();
        assertEquals(3, wrapups.size());
        assertEquals(20.0 / 3, wrapups.mean(), 1e-9);
    }

    @Test
    void leavesOutBreaksLogoutsCallsOtherCampaignsAndIncomingCalls() {
        wrapupEnded(2, "break", "outgoing", 1); // the agent does not come back to take calls
        wrapupEnded(3, "logout", "outgoing", 1);
        wrapupEnded(1, "call", "outgoing", 1);
        wrapupEnded(5, "timeout", "outgoing", 2);
        wrapupEnded(5, "timeout", "incoming", 1);
        wrapupEnded(5, "timeout", null, null); // taken over after a restart: no call known
        scheduler.settle();

        assertEquals(0, dialing.measured(1, TEN).wrapup().size());
        assertEquals(1, dialing.measured(2, TEN).wrapup().size());
    }
}
