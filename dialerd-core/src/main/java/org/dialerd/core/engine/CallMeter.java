package org.dialerd.core.engine;

import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.metrics.EngineMetrics;

/**
 * One followed call's place in the live-calls count: counted in exactly one phase from its
 * first phase on, and finished once, so the gauge never drifts whatever order the trackers
 * report in. Engine thread only.
 */
final class CallMeter {
    private final EngineMetrics metrics;
    private final String callType;
    private CallPhase phase;
    private boolean finished;

    CallMeter(EngineMetrics metrics, String callType) {
        this.metrics = metrics;
        this.callType = callType;
    }

    void enter(CallPhase next) {
        if (finished || next == phase) {
            return;
        }
        if (phase == null) {
            metrics.callStarted(callType, next);
        } else {
            metrics.callMoved(callType, phase, next);
        }
        phase = next;
    }

    /** A call that never entered a phase (never placed) is not counted at all. */
    void finish(String finalStatus) {
        if (finished) {
            return;
        }
        finished = true;
        if (phase != null) {
            metrics.callFinished(callType, phase, finalStatus);
        }
    }
}
