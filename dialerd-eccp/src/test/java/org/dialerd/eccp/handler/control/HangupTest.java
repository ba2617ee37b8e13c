package org.dialerd.eccp.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.Test;

class HangupTest extends CallControlTest {

    @Test
    void hangsUpTheCustomerSideOfTheAgentsCall() {
        onCall(AGENT_9000, "Local/9000@agent-request-00000001;2");
        assertEquals(success("hangup"), send("hangup", AGENT_9000));
        assertEquals(List.of(new PbxAction.Hangup("PJSIP/trunk-00000007", 16)), actions);
    }

    @Test
    void refusesAnAgentWithoutACall() {
        online(AGENT_9000, "Local/9000@agent-request-00000001;2");
        assertEquals(failure("hangup", 417, "Agent not in call"), send("hangup", AGENT_9000));
        assertEquals(List.of(), actions);
    }

    @Test
    void refusesAnAgentThatIsNotLoggedIn() {
        assertEquals(failure("hangup", 417, "Agent not in call"), send("hangup", AGENT_9000));
    }

    @Test
    void refusesAnAgentTheDaemonDoesNotTrackAsNotInCall() {
        tracked.replaceAll(List.of());
        assertEquals(failure("hangup", 417, "Agent not in call"), send("hangup", AGENT_9000));
    }

    @Test
    void reportsAsteriskRefusingTheHangup() {
        onCall(AGENT_9000, "Local/9000@agent-request-00000001;2");
        reply = PbxReply.error("No such channel");
        assertEquals(failure("hangup", 500, "Cannot hangup agent call"), send("hangup", AGENT_9000));
    }
}
