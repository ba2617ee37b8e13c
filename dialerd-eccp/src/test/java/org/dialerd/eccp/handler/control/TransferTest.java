package org.dialerd.eccp.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.Test;

class TransferTest extends CallControlTest {
    private static final String AGENT_CHANNEL = "Local/9000@agent-request-00000001;2";

    @Test
    void blindTransferRedirectsTheCustomerToTheExtension() {
        onCall(AGENT_9000, AGENT_CHANNEL);
        assertEquals(success("transfercall"), send("transfercall", AGENT_9000, "extension", "1002"));
        assertEquals(List.of(new PbxAction.Redirect("PJSIP/trunk-00000007", "from-internal", "1002", 1, "", "", "",
                0)), actions);
    }

    @Test
    void attendedTransferStartsAtxferOnTheAgentsChannel() {
        onCall(AGENT_9000, AGENT_CHANNEL);
        assertEquals(success("atxfercall"), send("atxfercall", AGENT_9000, "extension", "1002"));
        assertEquals(List.of(new PbxAction.Atxfer(AGENT_CHANNEL, "from-internal", "1002")), actions);
    }

    @Test
    void extensionMustBeDigitsBeforeTheAgentStateIsLookedAt() {
        assertEquals(BAD_REQUEST, send("transfercall", AGENT_9000, "extension", "10a2"));
        assertEquals(BAD_REQUEST, send("atxfercall", AGENT_9000, "extension", "*1002"));
        assertEquals(BAD_REQUEST, send("transfercall", AGENT_9000));
        assertEquals(BAD_REQUEST, send("atxfercall", AGENT_9000, "extension", ""));
    }

    @Test
    void agentNotLoggedInIsNotInCallForTransferButNotFoundForAtxfer() {
        assertEquals(failure("transfercall", 417, "Agent not in call"),
                send("transfercall", AGENT_9000, "extension", "1002"));
        assertEquals(failure("atxfercall", 404, "Specified agent not found"),
                send("atxfercall", AGENT_9000, "extension", "1002"));
    }

    @Test
    void idleAgentIsNotInCall() {
        online(AGENT_9000, AGENT_CHANNEL);
        assertEquals(failure("transfercall", 417, "Agent not in call"),
                send("transfercall", AGENT_9000, "extension", "1002"));
        assertEquals(failure("atxfercall", 417, "Agent not in call"),
                send("atxfercall", AGENT_9000, "extension", "1002"));
    }

    @Test
    void untrackedAgentIsNotFound() {
        tracked.replaceAll(List.of(AGENT_9000));
        assertEquals(failure("transfercall", 404, "Specified agent not found"),
                send("transfercall", SIP_1001, "extension", "1002"));
        assertEquals(failure("atxfercall", 404, "Specified agent not found"),
                send("atxfercall", SIP_1001, "extension", "1002"));
    }

    @Test
    void reportsAsteriskRefusingTheTransfer() {
        onCall(AGENT_9000, AGENT_CHANNEL);
        reply = PbxReply.error("Channel specified does not exist");
        assertEquals(failure("transfercall", 500, "Cannot transfer agent call"),
                send("transfercall", AGENT_9000, "extension", "1002"));
    }
}
