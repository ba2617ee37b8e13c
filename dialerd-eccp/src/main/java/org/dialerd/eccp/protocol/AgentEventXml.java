package org.dialerd.eccp.protocol;

import java.time.format.DateTimeFormatter;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.eccp.xml.XmlElement;

/** Agent events as the protocol document shapes them ({@code <event><agentloggedin>…}). */
public final class AgentEventXml {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AgentEventXml() {
    }

    public static XmlElement toXml(AgentEvent event) {
        return XmlElement.of("event", body(event));
    }

    private static XmlElement body(AgentEvent event) {
        if (event instanceof AgentEvent.AgentLoggedIn e) {
            return XmlElement.of("agentloggedin", XmlElement.text("agent", e.agentNumber()));
        }
        if (event instanceof AgentEvent.AgentLoggedOut e) {
            return XmlElement.of("agentloggedout", XmlElement.text("agent", e.agentNumber()));
        }
        if (event instanceof AgentEvent.AgentFailedLogin e) {
            return XmlElement.of("agentfailedlogin", XmlElement.text("agent", e.agentNumber()));
        }
        if (event instanceof AgentEvent.PauseStart e) {
            return XmlElement.builder("pausestart")
                    .add("agent_number", e.agentNumber())
                    .add("pause_class", e.pauseClass())
                    .addIfPresent("pause_type", e.breakId())
                    .addIfPresent("pause_name", e.breakName())
                    .add("pause_start", e.start().format(DATE_TIME))
                    .build();
        }
        if (event instanceof AgentEvent.PauseEnd e) {
            return XmlElement.builder("pauseend")
                    .add("agent_number", e.agentNumber())
                    .add("pause_class", e.pauseClass())
                    .addIfPresent("pause_type", e.breakId())
                    .addIfPresent("pause_name", e.breakName())
                    .add("pause_start", e.start().format(DATE_TIME))
                    .add("pause_end", e.end().format(DATE_TIME))
                    .add("pause_duration", e.durationSeconds())
                    .build();
        }
        if (event instanceof AgentEvent.WrapupStart e) {
            return XmlElement.builder("wrapupstart")
                    .add("agent_number", e.agentNumber())
                    .add("wrapup_start", e.start().format(DATE_TIME))
                    .add("wrapup_end", e.end().format(DATE_TIME))
                    .add("wrapup_seconds", java.time.Duration.between(e.start(), e.end()).toSeconds())
                    .addIfPresent("calltype", e.callType())
                    .addIfPresent("campaign_id", e.campaignId())
                    .addIfPresent("queue", e.queue())
                    .build();
        }
        if (event instanceof AgentEvent.WrapupEnd e) {
            return XmlElement.builder("wrapupend")
                    .add("agent_number", e.agentNumber())
                    .add("wrapup_start", e.start().format(DATE_TIME))
                    .add("wrapup_end", e.end().format(DATE_TIME))
                    .add("wrapup_duration", e.durationSeconds())
                    .add("ended_by", e.how())
                    .addIfPresent("calltype", e.callType())
                    .addIfPresent("campaign_id", e.campaignId())
                    .addIfPresent("queue", e.queue())
                    .build();
        }
        if (event instanceof AgentEvent.QueueMembership e) {
            return queueMembership(e);
        }
        if (event instanceof AgentEvent.AgentLinked e) {
            return linkedFromLiveState(e);
        }
        if (event instanceof AgentEvent.CallProgress e) {
            return XmlElement.builder("callprogress")
                    .add("datetime_entry", e.when().format(DATE_TIME))
                    .add("campaign_type", e.campaignType())
                    .addIfPresent("campaign_id", e.campaignId())
                    .add("call_id", e.callId())
                    .add("new_status", e.newStatus())
                    .add("retry", e.retry())
                    .addIfPresent("uniqueid", e.uniqueId())
                    .addIfPresent("trunk", e.trunk())
                    .addIfPresent("phone", e.phone())
                    .addIfPresent("queue", e.queue())
                    .build();
        }
        if (event instanceof AgentEvent.ScheduledCallPlacing e) {
            return XmlElement.builder(e.failed() ? "schedulecallfailed" : "schedulecallstart")
                    .add("agent_number", e.agentNumber())
                    .add("calltype", "outgoing")
                    .addIfPresent("campaign_id", e.campaignId())
                    .add("call_id", e.callId())
                    .build();
        }
        if (event instanceof AgentEvent.RecordingMute e) {
            return XmlElement.builder(e.muted() ? "recordingmute" : "recordingunmute")
                    .add("agent_number", e.agentNumber())
                    .add("calltype", e.callType())
                    .addIfPresent("campaign_id", e.campaignId())
                    .add("call_id", e.callId())
                    .build();
        }
        if (event instanceof AgentEvent.AgentUnlinked e) {
            return XmlElement.builder("agentunlinked")
                    .add("agent_number", e.agentNumber())
                    .add("calltype", e.call().callType())
                    .addIfPresent("campaign_id", e.call().campaignId().orElse(null))
                    .add("call_id", e.call().callId())
                    .add("phone", e.call().phone())
                    .add("datetime_linkend", e.end().format(DATE_TIME))
                    .add("duration", e.durationSeconds())
                    .add("shortcall", e.shortCall() ? 1 : 0)
                    .add("campaignlog_id", e.campaignLogId())
                    .build();
        }
        if (event instanceof AgentEvent.TransferFailed e) {
            return XmlElement.builder("atxferfailed")
                    .add("agent_number", e.agentNumber())
                    .add("extension", e.extension())
                    .add("calltype", e.call().callType())
                    .addIfPresent("campaign_id", e.call().campaignId().orElse(null))
                    .add("call_id", e.call().callId())
                    .add("cause", e.cause())
                    .build();
        }
        if (event instanceof AgentEvent.SpyStarted e) {
            return XmlElement.builder("spystart")
                    .add("agent_number", e.agentNumber())
                    .add("extension", e.extension())
                    .add("mode", e.mode())
                    .add("spy_id", e.spyId())
                    .add("datetime_start", e.start().format(DATE_TIME))
                    .build();
        }
        if (event instanceof AgentEvent.SpyModeChanged e) {
            return XmlElement.builder("spymode")
                    .add("agent_number", e.agentNumber())
                    .add("extension", e.extension())
                    .add("mode", e.mode())
                    .add("spy_id", e.spyId())
                    .add("datetime", e.when().format(DATE_TIME))
                    .build();
        }
        if (event instanceof AgentEvent.SpyEnded e) {
            return XmlElement.builder("spyend")
                    .add("agent_number", e.agentNumber())
                    .add("extension", e.extension())
                    .add("mode", e.mode())
                    .add("spy_id", e.spyId())
                    .add("datetime_end", e.end().format(DATE_TIME))
                    .add("cause", e.cause())
                    .build();
        }
        if (event instanceof AgentEvent.PreviewOffered e) {
            return PreviewXml.offered(e, XmlElement.builder("call_attributes").build()).child("previewcall")
                    .orElseThrow();
        }
        if (event instanceof AgentEvent.PreviewCancelled e) {
            return PreviewXml.cancelled(e);
        }
        throw new IllegalArgumentException("no XML for " + event);
    }

    /** agentlinked from what the engine knows, when the call's row cannot be read. */
    private static XmlElement linkedFromLiveState(AgentEvent.AgentLinked e) {
        CallLink call = e.call();
        return XmlElement.builder("agentlinked")
                .add("agent_number", e.agentNumber())
                .add("remote_channel", call.remoteChannel())
                .add("calltype", call.callType())
                .add("call_id", call.callId())
                .addIfPresent("campaign_id", call.campaignId().orElse(null))
                .add("phone", call.phone())
                .add("uniqueid", call.uniqueId())
                .add("datetime_join", call.joined().format(DATE_TIME))
                .add("datetime_linkstart", call.linkStart().format(DATE_TIME))
                .add("trunk", call.trunk())
                .add("queue", call.queue())
                .add("campaignlog_id", e.campaignLogId())
                .build();
    }

    private static XmlElement queueMembership(AgentEvent.QueueMembership e) {
        AgentView view = e.view();
        XmlElement.Builder body = XmlElement.builder("queuemembership")
                .add("agent_number", e.agentNumber())
                .add("agentchannel", e.agentNumber())
                .add("status", view.status().wireName());
        view.call().ifPresent(call -> body.add("callid", call.callId())
                .add("callnumber", call.phone())
                .add("callclient", call.remoteChannel()));
        view.pause().ifPresent(pause -> body.add("pausename", pause.breakName())
                .add("pauseid", pause.breakId())
                .add("pausestart", pause.start().format(TIME)));
        view.call().ifPresent(call -> {
            call.dialStart().ifPresent(t -> body.add("dialstart", t.format(TIME)));
            call.dialEnd().ifPresent(t -> body.add("dialend", t.format(TIME)));
            body.add("queuestart", call.joined().format(TIME));
            if (call.linkStart() != null) {
                body.add("linkstart", call.linkStart().format(TIME));
            }
            body.add("trunk", call.trunk());
        });
        XmlElement.Builder queues = XmlElement.builder("queues");
        e.queues().forEach(queue -> queues.add("queue", queue));
        return body.add(queues.build()).build();
    }
}
