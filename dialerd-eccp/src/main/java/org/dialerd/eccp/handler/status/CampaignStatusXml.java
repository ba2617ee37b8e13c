package org.dialerd.eccp.handler.status;

import static org.dialerd.eccp.protocol.EccpTimes.dayRelative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.store.CampaignStatusStore.CallState;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.dialerd.core.store.CampaignStatusStore.WaitingCall;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The body of getcampaignstatus and getincomingqueuestatus: {@code statuscount}, {@code agents},
 * {@code activecalls}, {@code stats}, all four always present.
 *
 * <pre>
 * &lt;statuscount&gt;&lt;total&gt;4&lt;/total&gt;&lt;onqueue&gt;0&lt;/onqueue&gt;…&lt;/statuscount&gt;
 * &lt;agents&gt;&lt;agent&gt;&lt;agentchannel&gt;Agent/9000&lt;/agentchannel&gt;&lt;status&gt;oncall&lt;/status&gt;
 *   &lt;callid&gt;12&lt;/callid&gt;&lt;callnumber&gt;0991&lt;/callnumber&gt;&lt;callclient&gt;SIP/trunk-0001&lt;/callclient&gt;
 *   &lt;queuestart&gt;10:00:00&lt;/queuestart&gt;&lt;linkstart&gt;10:00:02&lt;/linkstart&gt;&lt;trunk&gt;SIP/trunk&lt;/trunk&gt;&lt;/agent&gt;&lt;/agents&gt;
 * &lt;activecalls&gt;&lt;activecall&gt;&lt;callnumber&gt;1064&lt;/callnumber&gt;&lt;callid&gt;229&lt;/callid&gt;
 *   &lt;callstatus&gt;OnQueue&lt;/callstatus&gt;&lt;queuestart&gt;17:50:28&lt;/queuestart&gt;&lt;trunk&gt;SIP/1064&lt;/trunk&gt;&lt;/activecall&gt;&lt;/activecalls&gt;
 * &lt;stats&gt;&lt;total_sec&gt;386&lt;/total_sec&gt;&lt;max_duration&gt;266&lt;/max_duration&gt;&lt;/stats&gt;
 * </pre>
 *
 * Agent and active-call fields follow the protocol document (the recorded transcripts only
 * show empty lists); times are {@code HH:MM:SS}, with the date in front when not today.
 */
public final class CampaignStatusXml {
    /** The outgoing {@code statuscount} children, in wire order. */
    static final List<Map.Entry<String, CallState>> OUTGOING = List.of(
            Map.entry("pending", CallState.PENDING),
            Map.entry("placing", CallState.PLACING),
            Map.entry("ringing", CallState.RINGING),
            Map.entry("onqueue", CallState.ON_QUEUE),
            Map.entry("success", CallState.SUCCESS),
            Map.entry("onhold", CallState.ON_HOLD),
            Map.entry("failure", CallState.FAILURE),
            Map.entry("shortcall", CallState.SHORT_CALL),
            Map.entry("noanswer", CallState.NO_ANSWER),
            Map.entry("abandoned", CallState.ABANDONED));
    /** The incoming {@code statuscount} children, in wire order. */
    static final List<Map.Entry<String, CallState>> INCOMING = List.of(
            Map.entry("onqueue", CallState.ON_QUEUE),
            Map.entry("success", CallState.SUCCESS),
            Map.entry("onhold", CallState.ON_HOLD),
            Map.entry("abandoned", CallState.ABANDONED),
            Map.entry("finished", CallState.FINISHED),
            Map.entry("losttrack", CallState.LOST_TRACK));

    private CampaignStatusXml() {
    }

    /**
     * @param outgoing which {@code statuscount} vocabulary to write
     * @param views    every agent the engine tracks; those in the summary's queue are listed
     */
    public static XmlElement toXml(String responseName, boolean outgoing, CallSummary summary, List<AgentView> views,
                                   LocalDate today) {
        return XmlElement.of(responseName,
                statusCount(outgoing ? OUTGOING : INCOMING, summary),
                agents(summary.queue(), views, today),
                activeCalls(summary.waiting(), today),
                XmlElement.of("stats",
                        XmlElement.text("total_sec", summary.durations().totalSeconds()),
                        XmlElement.text("max_duration", summary.durations().maxDuration())));
    }

    private static XmlElement statusCount(List<Map.Entry<String, CallState>> order, CallSummary summary) {
        XmlElement.Builder counts = XmlElement.builder("statuscount").add("total", summary.total());
        for (Map.Entry<String, CallState> entry : order) {
            counts.add(entry.getKey(), summary.count(entry.getValue()));
        }
        return counts.build();
    }

    /** The queue's members as Asterisk reports them to the engine, with their pause and call. */
    static XmlElement agents(String queue, List<AgentView> views, LocalDate today) {
        XmlElement.Builder agents = XmlElement.builder("agents");
        for (AgentView view : views) {
            if (!view.queues().contains(queue)) {
                continue;
            }
            XmlElement.Builder agent = XmlElement.builder("agent")
                    .add("agentchannel", view.agent().channel())
                    .add("status", view.status().wireName());
            view.call().ifPresent(call -> agent.add("callid", call.callId())
                    .add("callnumber", call.phone())
                    .add("callclient", call.remoteChannel()));
            view.pause().ifPresent(pause -> agent.add("pausename", pause.breakName())
                    .add("pauseid", pause.breakId())
                    .add("pausestart", dayRelative(pause.start(), today)));
            view.call().ifPresent(call -> callTimes(agent, call, today));
            agents.add(agent.build());
        }
        return agents.build();
    }

    private static void callTimes(XmlElement.Builder agent, CallLink call, LocalDate today) {
        agent.addIfPresent("queuestart", call.joined() == null ? null : dayRelative(call.joined(), today))
                .addIfPresent("linkstart", call.linkStart() == null ? null : dayRelative(call.linkStart(), today))
                .addIfPresent("trunk", call.trunk());
    }

    static XmlElement activeCalls(List<WaitingCall> waiting, LocalDate today) {
        XmlElement.Builder calls = XmlElement.builder("activecalls");
        for (WaitingCall call : waiting) {
            calls.add(XmlElement.builder("activecall")
                    .add("callnumber", call.phone())
                    .add("callid", call.callId())
                    .add("callstatus", callStatus(call.state()))
                    .addIfPresent("dialstart", call.dialStart().map(t -> dayRelative(t, today)).orElse(null))
                    .addIfPresent("dialend", call.dialEnd().map(t -> dayRelative(t, today)).orElse(null))
                    .addIfPresent("queuestart", call.queueStart().map(t -> dayRelative(t, today)).orElse(null))
                    .addIfPresent("trunk", call.trunk().orElse(null))
                    .build());
        }
        return calls.build();
    }

    private static String callStatus(CallState state) {
        return switch (state) {
            case PLACING -> "Placing";
            case RINGING -> "Ringing";
            default -> "OnQueue";
        };
    }
}
