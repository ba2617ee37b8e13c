package org.dialerd.sim.pbx;

/**
 * A dialplan application. Runs on the engine thread and finishes by calling
 * {@link AppRun#next()} (now or from a timer), {@link AppRun#hangup(int)}, or by handing the
 * channel to something else (a queue, a bridge) that will call one of them later.
 */
@FunctionalInterface
public interface App {
    void exec(AppRun run);
}
