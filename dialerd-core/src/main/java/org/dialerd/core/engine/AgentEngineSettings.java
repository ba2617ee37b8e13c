package org.dialerd.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine talks to Asterisk about agents.
 *
 * @param staticMemberInterface queue interface of a static agent, {@code {number}} replaced:
 *                              {@code Local/{number}@agent-request} for app_agent_pool
 *                              (Asterisk 12+), {@code Agent/{number}} for chan_agent
 * @param staticStateInterface  its state interface ({@code Agent:{number}})
 * @param loginTimeout          how long a static login may wait for the agent to answer
 * @param resyncInterval        how often the engine reconciles with Asterisk while AMI stays
 *                              connected ({@code ami.resync_interval}); zero: only after each
 *                              (re)connection
 */
public record AgentEngineSettings(String staticMemberInterface, String staticStateInterface, Duration loginTimeout,
                                  Duration actionTimeout, Duration resyncInterval) {
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofSeconds(60);
    public static final AgentEngineSettings DEFAULTS = new AgentEngineSettings("Local/{number}@agent-request",
            "Agent:{number}", Duration.ofSeconds(60), Duration.ofSeconds(10));

    public AgentEngineSettings {
        Objects.requireNonNull(staticMemberInterface, "staticMemberInterface");
        Objects.requireNonNull(staticStateInterface, "staticStateInterface");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        if (resyncInterval.isNegative()) {
            throw new IllegalArgumentException("resyncInterval must not be negative: " + resyncInterval);
        }
    }

    /** With the default resync interval. */
    public AgentEngineSettings(String staticMemberInterface, String staticStateInterface, Duration loginTimeout,
                               Duration actionTimeout) {
        this(staticMemberInterface, staticStateInterface, loginTimeout, actionTimeout, DEFAULT_RESYNC_INTERVAL);
    }

    public AgentEngineSettings withResyncInterval(Duration interval) {
        return new AgentEngineSettings(staticMemberInterface, staticStateInterface, loginTimeout, actionTimeout,
                interval);
    }

    public String staticInterfaceOf(String number) {
        return staticMemberInterface.replace("{number}", number);
    }

    public String staticStateInterfaceOf(String number) {
        return staticStateInterface.replace("{number}", number);
    }
}
