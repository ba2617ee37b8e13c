package org.dialerd.eccp.handler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.store.ReportStore.AgentActivity;
import org.dialerd.core.store.ReportStore.Interval;
import org.dialerd.core.store.ReportStore.LogEntry;
import org.dialerd.core.store.ReportStore.QueueCalls;
import org.dialerd.eccp.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class ReportXmlTest {

    @Test
    void logEntryOfANeverAnsweredDialHasNoUniqueidTrunkOrAgent() {
        LogEntry placing = new LogEntry(9, LocalDateTime.parse("2026-11-22T08:30:00"), "0991000003", "8000", 1L, 1003,
                "Placing", 1L, null, null, null, null);

        assertEquals("<logentries><logentry><id>9</id><datetime_entry>2026-11-22 08:30:00</datetime_entry>"
                + "<phone>0991000003</phone><queue>8000</queue><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id><call_id>1003</call_id><new_status>Placing</new_status>"
                + "<retry>1</retry></logentry></logentries>",
                XmlWriter.toXml(ReportXml.logEntries("outgoing", List.of(placing))));
    }

    @Test
    void logEntryEscapesValues() {
        LogEntry entry = new LogEntry(1, LocalDateTime.parse("2026-11-22T08:30:00"), "<1&2>", "8000", 1L, 1,
                "Dialing", 0L, null, "SIP/troncal-ñ", null, null);

        assertEquals("<logentries><logentry><id>1</id><datetime_entry>2026-11-22 08:30:00</datetime_entry>"
                + "<phone>&lt;1&amp;2&gt;</phone><queue>8000</queue><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id><call_id>1</call_id><new_status>Dialing</new_status><retry>0</retry>"
                + "<trunk>SIP/troncal-&#xF1;</trunk></logentry></logentries>",
                XmlWriter.toXml(ReportXml.logEntries("outgoing", List.of(entry))));
    }

    @Test
    void noLogEntriesIsSelfClosing() {
        assertEquals("<logentries/>", XmlWriter.toXml(ReportXml.logEntries("incoming", List.of())));
    }

    @Test
    void activityPutsCallSummaryBeforeTheLastSessionAndPause() {
        AgentActivity agent = new AgentActivity(1, "Agent/9000", "Agent 9000", 41400,
                List.of(new QueueCalls("8001", OptionalLong.of(386), 2), new QueueCalls("8002", OptionalLong.of(180), 1)),
                List.of(new QueueCalls("8000", OptionalLong.of(192), 2)),
                Optional.of(new Interval(LocalDateTime.parse("2026-11-22T08:00:00"),
                        Optional.of(LocalDateTime.parse("2026-11-22T10:30:00")))),
                Optional.of(new Interval(LocalDateTime.parse("2026-11-22T09:35:00"),
                        Optional.of(LocalDateTime.parse("2026-11-22T09:40:00")))));

        assertEquals("<agents><agent><agentchannel>Agent/9000</agentchannel><agentname>Agent 9000</agentname>"
                + "<logintime>41400</logintime><callsummary><incoming><queue id=\"8001\"><sec_calls>386</sec_calls>"
                + "<num_calls>2</num_calls></queue><queue id=\"8002\"><sec_calls>180</sec_calls><num_calls>1</num_calls>"
                + "</queue></incoming><outgoing><queue id=\"8000\"><sec_calls>192</sec_calls><num_calls>2</num_calls>"
                + "</queue></outgoing></callsummary><lastsessionstart>2026-11-22 08:00:00</lastsessionstart>"
                + "<lastsessionend>2026-11-22 10:30:00</lastsessionend>"
                + "<lastpausestart>2026-11-22 09:35:00</lastpausestart>"
                + "<lastpauseend>2026-11-22 09:40:00</lastpauseend></agent></agents>",
                XmlWriter.toXml(ReportXml.agentActivity(List.of(agent))));
    }

    @Test
    void openSessionHasAStartButNoEnd() {
        AgentActivity agent = new AgentActivity(3, "Agent/9002", "Agent 9002", 0, List.of(), List.of(),
                Optional.of(new Interval(LocalDateTime.parse("2026-11-22T10:25:00"), Optional.empty())),
                Optional.empty());

        assertEquals("<agents><agent><agentchannel>Agent/9002</agentchannel><agentname>Agent 9002</agentname>"
                + "<logintime>0</logintime><callsummary><incoming/><outgoing/></callsummary>"
                + "<lastsessionstart>2026-11-22 10:25:00</lastsessionstart></agent></agents>",
                XmlWriter.toXml(ReportXml.agentActivity(List.of(agent))));
    }

    @Test
    void queueListEmptyOrNot() {
        assertEquals("<queues/>", XmlWriter.toXml(ReportXml.queues(List.of())));
        assertEquals("<queues><queue>8001</queue><queue>8000</queue></queues>",
                XmlWriter.toXml(ReportXml.queues(List.of("8001", "8000"))));
    }
}
