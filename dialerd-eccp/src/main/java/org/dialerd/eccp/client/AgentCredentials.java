package org.dialerd.eccp.client;

import java.util.Objects;

/** An agent as agent-hash requests need it: {@code Agent/9000} and its ECCP password. */
public record AgentCredentials(String agentNumber, String password) {
    public AgentCredentials {
        Objects.requireNonNull(agentNumber, "agentNumber");
        Objects.requireNonNull(password, "password");
    }
}
