package org.dialerd.eccp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.junit.jupiter.api.Test;

class AgentEventXmlTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 22, 10, 0, 5);
    private static final Agent AGENT = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.empty());

    @Test
    void breakStartAndEndCarryTheBreak() {
        assertEquals("<event><pausestart><agent_number>Agent/9000</agent_number><pause_class>break</pause_class>"
                + "<pause_type>5</pause_type><pause_name>Ba&#xF1;o</pause_name>"
                + "<pause_start>2026-11-22 10:00:05</pause_start></pausestart></event>",
                AgentEventXml.toXml(new AgentEvent.PauseStart("Agent/9000", "break", 5, "Baño", START)).toString());
        assertEquals("<event><pauseend><agent_number>Agent/9000</agent_number><pause_class>hold</pause_class>"
                + "<pause_start>2026-11-22 10:00:05</pause_start><pause_end>2026-11-22 10:00:14</pause_end>"
                + "<pause_duration>9</pause_duration></pauseend></event>",
                AgentEventXml.toXml(new AgentEvent.PauseEnd("Agent/9000", "hold", null, null, START,
                        START.plusSeconds(9), 9)).toString());
    }

    @Test
    void spyModeNamesTheSessionAndItsNewMode() {
        assertEquals("<event><spymode><agent_number>SIP/1001</agent_number><extension>1010</extension>"
                + "<mode>whisper</mode><spy_id>dialerd-1764669000abcd-s1</spy_id>"
                + "<datetime>2026-11-22 10:00:05</datetime></spymode></event>",
                AgentEventXml.toXml(new AgentEvent.SpyModeChanged("SIP/1001", "supervisor", "1010", "whisper",
                        "dialerd-1764669000abcd-s1", START)).toString());
    }

    @Test
    void wrapupStartAndEndNameTheSpanAndTheCallTheyFollow() {
        assertEquals("<event><wrapupstart><agent_number>Agent/9000</agent_number>"
                + "<wrapup_start>2026-11-22 10:00:05</wrapup_start><wrapup_end>2026-11-22 10:00:15</wrapup_end>"
                + "<wrapup_seconds>10</wrapup_seconds><calltype>outgoing</calltype><campaign_id>5</campaign_id>"
                + "<queue>8000</queue></wrapupstart></event>",
                AgentEventXml.toXml(new AgentEvent.WrapupStart("Agent/9000", START, START.plusSeconds(10), "outgoing",
                        5, "8000")).toString());
        assertEquals("<event><wrapupend><agent_number>Agent/9000</agent_number>"
                + "<wrapup_start>2026-11-22 10:00:05</wrapup_start><wrapup_end>2026-11-22 10:00:09</wrapup_end>"
                + "<wrapup_duration>4</wrapup_duration><ended_by>endwrapup</ended_by></wrapupend></event>",
                AgentEventXml.toXml(new AgentEvent.WrapupEnd("Agent/9000", START, START.plusSeconds(4), 4, "endwrapup",
                        null, null, null)).toString());
    }

    @Test
    void queueMembershipOfAnAgentOnACallCarriesTheCall() {
        CallLink call = new CallLink("outgoing", 27, Optional.of(5), "1065", "Local/1065@from-internal-988d;1",
                "1296517619.3", "8000", "SIP/trunk", START, START.plusSeconds(2), "", Optional.of(START.minusSeconds(8)),
                Optional.of(START));
        AgentView view = AgentView.builder(AGENT, AgentStatus.ONCALL).channel("Local/1001@agents-1;2").extension("1001")
                .queues(List.of("8000")).loginStart(START).call(call).build();
        assertEquals("<event><queuemembership><agent_number>Agent/9000</agent_number>"
                + "<agentchannel>Agent/9000</agentchannel><status>oncall</status><callid>27</callid>"
                + "<callnumber>1065</callnumber><callclient>Local/1065@from-internal-988d;1</callclient>"
                + "<dialstart>09:59:57</dialstart><dialend>10:00:05</dialend><queuestart>10:00:05</queuestart>"
                + "<linkstart>10:00:07</linkstart><trunk>SIP/trunk</trunk><queues><queue>8000</queue></queues>"
                + "</queuemembership></event>",
                AgentEventXml.toXml(new AgentEvent.QueueMembership("Agent/9000", view, List.of("8000"))).toString());
    }

    @Test
    void failedAttendedTransferNamesTheCallTheExtensionAndTheCause() {
        CallLink call = new CallLink("outgoing", 53, Optional.of(1), "556020", "Local/556020@customers-3b;1",
                "1795340448.118", "8000", "", START, START);
        assertEquals("<event><atxferfailed><agent_number>SIP/1001</agent_number><extension>5555</extension>"
                + "<calltype>outgoing</calltype><campaign_id>1</campaign_id><call_id>53</call_id>"
                + "<cause>The transfer did not complete: the call is back with the agent</cause></atxferfailed></event>",
                AgentEventXml.toXml(new AgentEvent.TransferFailed("SIP/1001", "5555", call,
                        "The transfer did not complete: the call is back with the agent")).toString());
    }

    @Test
    void agentUnlinkedCarriesDurationShortCallAndLogId() {
        CallLink call = new CallLink("incoming", 13, Optional.of(1), "1065", "SIP/1065-00000001", "1296517374.1",
                "8001", "SIP/1065", START, START);
        assertEquals("<event><agentunlinked><agent_number>Agent/9000</agent_number><calltype>incoming</calltype>"
                + "<campaign_id>1</campaign_id><call_id>13</call_id><phone>1065</phone>"
                + "<datetime_linkend>2026-11-22 10:03:41</datetime_linkend><duration>216</duration>"
                + "<shortcall>0</shortcall><campaignlog_id>99</campaignlog_id></agentunlinked></event>",
                AgentEventXml.toXml(new AgentEvent.AgentUnlinked("Agent/9000", call, START.plusSeconds(216), 216,
                        false, 99)).toString());
    }

    @Test
    void callProgressNamesTheCallAndItsNewStatus() {
        assertEquals("<event><callprogress><datetime_entry>2026-11-22 10:00:05</datetime_entry>"
                + "<campaign_type>outgoing</campaign_type><campaign_id>7</campaign_id><call_id>85</call_id>"
                + "<new_status>Placing</new_status><retry>1</retry><phone>1099</phone><queue>8000</queue>"
                + "</callprogress></event>",
                AgentEventXml.toXml(new AgentEvent.CallProgress(null, START, "outgoing", 7, 85, "Placing", 1, null,
                        null, "1099", "8000")).toString());
    }
}
