package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.junit.jupiter.api.Test;

/** How a followed campaign call counts in the dialer's snapshot, whatever order its events came in. */
class OutboundCallTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0);

    @Test
    void answeredCallWaitsForAnAgentBeforeItsQueueJoinIsSeen() {
        OutboundCall call = call();
        assertTrue(call.pending());
        assertFalse(call.waitingInQueue());
        call.answered = T; // OriginateResponse first: QueueCallerJoin may still be on its way
        assertFalse(call.pending());
        assertTrue(call.waitingInQueue());
        call.joined = T;
        assertTrue(call.waitingInQueue());
        call.linkStart = T;
        assertFalse(call.waitingInQueue());
    }

    @Test
    void joinedCallWaitsEvenBeforeItsOriginateResponse() {
        OutboundCall call = call();
        call.joined = T;
        assertFalse(call.pending());
        assertTrue(call.waitingInQueue());
    }

    @Test
    void answeredScheduledCallGoesToItsReservedAgentAndDoesNotWait() {
        OutboundCall call = call();
        call.scheduledFor = new AgentState(new Agent(1, AgentType.SIP, "1001", "SIP 1001", true, Optional.empty()));
        call.answered = T;
        assertFalse(call.waitingInQueue());
    }

    private static OutboundCall call() {
        return new OutboundCall(1, 7, "5551234", "8000", null, 1, "a-1", "u-1", T,
                new CallMeter(org.dialerd.core.metrics.EngineMetrics.NONE, "outgoing"));
    }
}
