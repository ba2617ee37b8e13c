package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.dialerd.core.pbx.PbxEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An incoming call a queue member dialerd does not follow takes (a phone added to the queue by
 * hand, or an agent whose logout crossed the AgentConnect) was served, not abandoned.
 */
class UntrackedMemberCallTest {
    private static final String CALLER = "Local/5557001@incoming-00000003;2";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryIncomingCalls calls = new MemoryIncomingCalls();

    @BeforeEach
    void start() {
        AgentEngine engine = new AgentEngine(pbx, calls, new MemoryAudit(calls::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.monitorIncomingQueues(calls, Duration.ofMinutes(1));
        pbx.emit(new PbxEvent.QueueCallerJoin("8001", CALLER, "100.7", "100.6", "5557001", "Caller", 1, 1));
        scheduler.settle();
    }

    @Test
    void aCallTakenByAMemberDialerdDoesNotFollowEndsTerminadaAtItsHangup() {
        scheduler.advance(Duration.ofSeconds(3));
        pbx.emit(new PbxEvent.AgentConnect("8001", CALLER, "100.7", "100.6", "Local/1009@agents-0000003c;1",
                "100.9", "Local/1009@agents", "Phone 1009", Duration.ofSeconds(3), Duration.ofSeconds(1)));
        scheduler.advance(Duration.ofSeconds(40));
        pbx.emit(new PbxEvent.Hangup(CALLER, "100.7", "100.6", 16, "Normal Clearing"));
        scheduler.settle();

        assertEquals("terminada", calls.row(1).status);
    }

    @Test
    void aCallerWhoHangsUpBeforeAnyMemberAnswersIsAbandoned() {
        scheduler.advance(Duration.ofSeconds(12));
        pbx.emit(new PbxEvent.Hangup(CALLER, "100.7", "100.6", 16, "Normal Clearing"));
        scheduler.settle();

        assertEquals("abandonada", calls.row(1).status);
    }
}
