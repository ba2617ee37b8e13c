package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.metrics.EngineMetrics;
import org.junit.jupiter.api.Test;

class CallMeterTest {
    private final List<String> reported = new ArrayList<>();
    private final EngineMetrics metrics = new EngineMetrics() {
        @Override
        public void callStarted(String callType, CallPhase phase) {
            reported.add("start " + callType + " " + phase.label());
        }

        @Override
        public void callMoved(String callType, CallPhase from, CallPhase to) {
            reported.add("move " + from.label() + "->" + to.label());
        }

        @Override
        public void callFinished(String callType, CallPhase last, String finalStatus) {
            reported.add("finish " + last.label() + " " + finalStatus);
        }
    };

    @Test
    void aCallIsCountedInOnePhaseAtATimeAndFinishedOnce() {
        CallMeter call = new CallMeter(metrics, "outgoing");
        call.enter(CallPhase.DIALING);
        call.enter(CallPhase.RINGING);
        call.enter(CallPhase.RINGING);
        call.enter(CallPhase.QUEUED);
        call.enter(CallPhase.TALKING);
        call.enter(CallPhase.ON_HOLD);
        call.enter(CallPhase.TALKING);
        call.finish("ShortCall");
        call.finish("Success");
        call.enter(CallPhase.ON_HOLD);
        assertEquals(List.of("start outgoing dialing", "move dialing->ringing", "move ringing->queued",
                "move queued->talking", "move talking->onhold", "move onhold->talking", "finish talking ShortCall"),
                reported);
    }

    @Test
    void aCallThatNeverStartedIsNotCounted() {
        CallMeter call = new CallMeter(metrics, "outgoing");
        call.finish("Failure");
        call.enter(CallPhase.DIALING);
        assertEquals(List.of(), reported);
    }
}
