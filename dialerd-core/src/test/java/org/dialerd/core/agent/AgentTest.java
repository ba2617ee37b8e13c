package org.dialerd.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentTest {
    @Test
    void theEccpPasswordNeverReachesALogLine() {
        Agent agent = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("s3cret"));
        assertFalse(agent.toString().contains("s3cret"), agent.toString());
        assertFalse(AgentView.offline(agent).toString().contains("s3cret"));
        assertEquals("Agent[id=1, type=AGENT, number=9000, name=Agent 9000, active=true, eccpPassword=***]",
                agent.toString());
    }
}
