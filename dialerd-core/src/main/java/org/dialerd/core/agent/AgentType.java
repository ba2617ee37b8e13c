package org.dialerd.core.agent;

import java.util.Optional;

/** The technology part of an agent name such as {@code Agent/9000} or {@code SIP/1064}. */
public enum AgentType {
    /** A static app_agent_pool agent: logs in with AgentLogin. */
    AGENT("Agent"),
    /** Dynamic agents: logged in by adding their interface to queues. */
    SIP("SIP"),
    IAX2("IAX2"),
    PJSIP("PJSIP");

    private final String wireName;

    AgentType(String wireName) {
        this.wireName = wireName;
    }

    /** As written in the {@code agent.type} column and in ECCP agent numbers. */
    public String wireName() {
        return wireName;
    }

    public boolean isStatic() {
        return this == AGENT;
    }

    public static Optional<AgentType> fromWireName(String name) {
        for (AgentType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
