package org.dialerd.core.engine;

/** Receives engine events, on the engine thread: implementations must not block. */
@FunctionalInterface
public interface EngineListener {
    void onEvent(AgentEvent event);
}
