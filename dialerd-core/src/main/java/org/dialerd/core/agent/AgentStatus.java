package org.dialerd.core.agent;

/** An agent's availability as getagentstatus reports it. */
public enum AgentStatus {
    OFFLINE("offline"),
    ONLINE("online"),
    ONCALL("oncall"),
    PAUSED("paused");

    private final String wireName;

    AgentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
