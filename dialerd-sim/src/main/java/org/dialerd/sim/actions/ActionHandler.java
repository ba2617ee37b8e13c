package org.dialerd.sim.actions;

/** Handles one AMI action on the engine thread; answers through the context. */
@FunctionalInterface
public interface ActionHandler {
    void handle(ActionContext ctx);
}
