package org.dialerd.eccp.handler.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.ReportStore.AgentActivity;
import org.dialerd.core.store.ReportStore.Interval;
import org.dialerd.core.store.ReportStore.LogEntry;
import org.dialerd.core.store.ReportStore.QueueCalls;
import org.dialerd.eccp.protocol.EccpTimes;
import org.dialerd.eccp.xml.XmlElement;

/** The report elements, in the reference's element order; NULL values are left out. */
public final class ReportXml {

    private ReportXml() {
    }

    /** {@code <logentries>} with one {@code <logentry>} per entry (campaignlog). */
    public static XmlElement logEntries(String campaignType, List<LogEntry> entries) {
        XmlElement.Builder list = XmlElement.builder("logentries");
        for (LogEntry entry : entries) {
            list.add(XmlElement.builder("logentry")
                    .add("id", entry.id())
                    .add("datetime_entry", format(entry.datetimeEntry()))
                    .addIfPresent("phone", entry.phone())
                    .addIfPresent("queue", entry.queue())
                    .add("campaign_type", campaignType)
                    .addIfPresent("campaign_id", entry.campaignId())
                    .add("call_id", entry.callId())
                    .add("new_status", entry.newStatus())
                    .addIfPresent("retry", entry.retry())
                    .addIfPresent("uniqueid", entry.uniqueid())
                    .addIfPresent("trunk", entry.trunk())
                    .addIfPresent("duration", entry.duration())
                    .addIfPresent("agentchannel", entry.agentChannel())
                    .build());
        }
        return list.build();
    }

    /**
     * {@code <agents>} of getagentactivitysummary: agentchannel, agentname, logintime,
     * callsummary, then the last session and pause (the document's example puts callsummary last).
     */
    public static XmlElement agentActivity(List<AgentActivity> agents) {
        XmlElement.Builder list = XmlElement.builder("agents");
        for (AgentActivity agent : agents) {
            XmlElement.Builder element = XmlElement.builder("agent")
                    .add("agentchannel", agent.agentChannel())
                    .add("agentname", agent.name())
                    .add("logintime", agent.loginSeconds())
                    .add(XmlElement.of("callsummary",
                            queueCalls("incoming", agent.incoming()), queueCalls("outgoing", agent.outgoing())));
            interval(element, "lastsession", agent.lastSession());
            interval(element, "lastpause", agent.lastPause());
            list.add(element.build());
        }
        return list.build();
    }

    /** {@code <queues><queue>8000</queue>…</queues>} (getagentqueues, getmultipleagentqueues). */
    public static XmlElement queues(List<String> queues) {
        XmlElement.Builder list = XmlElement.builder("queues");
        queues.forEach(queue -> list.add("queue", queue));
        return list.build();
    }

    /** {@code sec_calls} is written empty ({@code <sec_calls/>}) when every duration was NULL. */
    private static XmlElement queueCalls(String campaignType, List<QueueCalls> queues) {
        XmlElement.Builder element = XmlElement.builder(campaignType);
        for (QueueCalls queue : queues) {
            element.add(XmlElement.builder("queue")
                    .attribute("id", queue.queue())
                    .add("sec_calls", queue.seconds().isPresent() ? String.valueOf(queue.seconds().getAsLong()) : "")
                    .add("num_calls", queue.calls())
                    .build());
        }
        return element.build();
    }

    private static void interval(XmlElement.Builder agent, String prefix, Optional<Interval> interval) {
        interval.ifPresent(found -> {
            agent.add(prefix + "start", format(found.start()));
            found.end().ifPresent(end -> agent.add(prefix + "end", format(end)));
        });
    }

    private static String format(LocalDateTime dateTime) {
        return EccpTimes.DATE_TIME.format(dateTime);
    }
}
