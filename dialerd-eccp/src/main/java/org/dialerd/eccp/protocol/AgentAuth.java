package org.dialerd.eccp.protocol;

import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.core.store.AgentStore;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The checks every agent-hash request shares, in the reference's order: missing
 * {@code agent_number} (top-level 400), bad format (417 {@code Invalid agent number}),
 * unknown or inactive agent (404 {@code Specified agent not found}), wrong or missing hash
 * (401 {@code Unauthorized agent}). An agent with a NULL eccp_password accepts any hash.
 * The agent is read from the database, so agents added in the web UI authenticate before
 * the daemon tracks them (the reference does the same).
 */
public final class AgentAuth {
    private AgentAuth() {
    }

    public static Agent authenticate(AgentStore agents, String appCookie, XmlElement request) {
        String agentNumber = Args.required(request, "agent_number");
        AgentNumber parsed = AgentNumber.parse(agentNumber)
                .orElseThrow(() -> EccpFailure.wrapped(417, "Invalid agent number"));
        Agent agent = agents.findByChannel(parsed.type(), parsed.number())
                .filter(Agent::active)
                .orElseThrow(() -> EccpFailure.wrapped(404, "Specified agent not found"));
        if (agent.eccpPassword().isPresent()) {
            String expected = Md5.agentHash(appCookie, agentNumber, agent.eccpPassword().get());
            String given = request.childText("agent_hash").map(String::trim).orElse("");
            if (!expected.equalsIgnoreCase(given)) {
                throw EccpFailure.wrapped(401, "Unauthorized agent");
            }
        }
        return agent;
    }
}
