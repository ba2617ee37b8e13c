package org.dialerd.core.engine;

import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.AgentView;

/**
 * pauseagent and unpauseagent: QueuePause on every queue of the agent with the break's name
 * as Reason. The break itself follows what Asterisk then reports ({@link PauseSync}), so an
 * answer that is lost or late never leaves dialerd and Asterisk disagreeing: the answer says
 * whether Asterisk confirmed, the events say what it did. Engine thread only.
 */
final class BreakControl {
    private final AgentEngine engine;

    BreakControl(AgentEngine engine) {
        this.engine = engine;
    }

    CompletableFuture<EngineResult> pause(AgentState state, int breakId, String breakName) {
        if (!state.loggedIn) {
            return done(EngineResult.failed(417, "Agent currently not logged in"));
        }
        if (state.pause != null) {
            return done(state.pause.breakId() == breakId ? EngineResult.OK
                    : EngineResult.failed(417, "Agent already in incompatible break"));
        }
        state.requestedBreak = new AgentView.Pause(breakId, breakName, engine.now());
        return engine.pauseInQueues(state, true, breakName).thenApply(reply -> {
            state.requestedBreak = null;
            if (!reply.success()) {
                // Asterisk may still have paused it (the answer lost): its events will say so.
                return EngineResult.failed(500, "Cannot pause agent: " + reply.message());
            }
            if (state.pause == null && state.loggedIn) {
                engine.records().startPause(state, breakId, breakName); // no QueueMemberPause came first
            }
            return EngineResult.OK;
        });
    }

    CompletableFuture<EngineResult> unpause(AgentState state) {
        if (!state.loggedIn) {
            return done(EngineResult.failed(417, "Agent currently not logged in"));
        }
        if (state.onHold) {
            // The queues stay paused for the hold; ending the hold unpauses them.
            if (state.pause != null) {
                engine.records().endPause(state);
            }
            return done(EngineResult.OK);
        }
        // Always asked of Asterisk: a member may be paused there while dialerd lost track of it.
        return engine.pauseInQueues(state, false, "").thenApply(reply -> {
            if (!reply.success() && state.pause != null) {
                return EngineResult.failed(500, "Cannot unpause agent: " + reply.message());
            }
            if (state.pause != null) {
                engine.records().endPause(state);
            }
            engine.wrapups().end(state, "unpauseagent", false); // old consoles end a wrap-up this way
            state.pausedIn.clear();
            return EngineResult.OK;
        });
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
