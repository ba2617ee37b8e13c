package org.dialerd.eccp.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.Test;

class ChannelVariablesTest extends CallControlTest {
    private static final List<String> CLI = List.of(
            " -- General --",
            "           Name: PJSIP/trunk-00000007",
            "      Variables:",
            "ID_CAMPAIGN=1",
            "NOTE=a=b & c",
            "  CDR Variables:",
            "level 1: clid=\"Caller\" <042345678>");

    @Test
    void readsTheVariablesSectionOfTheCliOutput() {
        assertEquals(Map.of("ID_CAMPAIGN", "1", "NOTE", "a=b & c"), ChannelVariables.parse(CLI));
        assertEquals(List.of("ID_CAMPAIGN", "NOTE"), List.copyOf(ChannelVariables.parse(CLI).keySet()));
    }

    @Test
    void noVariablesSectionMeansNoVariables() {
        assertEquals(Map.of(), ChannelVariables.parse(List.of("No such command 'core show channel x'")));
    }

    @Test
    void listsTheCustomerChannelsVariables() {
        onCall(SIP_1001, "SIP/1001");
        reply = new PbxReply(true, "Command output follows", Map.of(), CLI, List.of());
        assertEquals("<response id=\"1\"><getchanvars_response><clientchannel>PJSIP/trunk-00000007</clientchannel>"
                + "<chanvars><chanvar><label>ID_CAMPAIGN</label><value>1</value></chanvar>"
                + "<chanvar><label>NOTE</label><value>a=b &amp; c</value></chanvar></chanvars>"
                + "</getchanvars_response></response>", send("getchanvars", SIP_1001));
        assertEquals(List.of(new PbxAction.Command("core show channel PJSIP/trunk-00000007")), actions);
    }

    @Test
    void refusalsFollowTheReference() {
        assertEquals(failure("getchanvars", 417, "Agent currently not logged in"), send("getchanvars", SIP_1001));
        online(SIP_1001, "SIP/1001");
        assertEquals(failure("getchanvars", 417, "Agent not in call"), send("getchanvars", SIP_1001));
        tracked.replaceAll(List.of());
        assertEquals(failure("getchanvars", 404, "Specified agent not found"), send("getchanvars", SIP_1001));
    }

    @Test
    void reportsAsteriskRefusingTheCommand() {
        onCall(SIP_1001, "SIP/1001");
        reply = PbxReply.error("Permission denied");
        assertEquals(failure("getchanvars", 500, "Cannot get channel variables"), send("getchanvars", SIP_1001));
    }
}
