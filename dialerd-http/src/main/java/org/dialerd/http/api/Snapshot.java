package org.dialerd.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;

/**
 * The state a (re)connecting WebSocket client starts from: every tracked agent as the engine last
 * published it, and every call in progress, with ISO-8601 times (docs/web-api.md).
 */
final class Snapshot {
    private Snapshot() {
    }

    static ObjectNode of(List<AgentView> views, Instant at) {
        ObjectNode snapshot = ApiResponses.MAPPER.createObjectNode().put("type", "snapshot").put("at", at.toString());
        ArrayNode agents = snapshot.putArray("agents");
        ArrayNode calls = snapshot.putArray("calls");
        views.stream().sorted(Comparator.comparing(view -> view.agent().channel())).forEach(view -> {
            ObjectNode agent = agents.addObject()
                    .put("agent_number", view.agent().channel())
                    .put("name", view.agent().name())
                    .put("status", view.status().wireName());
            agent.put("extension", view.extension().orElse(null));
            agent.put("channel", view.channel().orElse(null));
            agent.put("onhold", view.onHold());
            ArrayNode queues = agent.putArray("queues");
            view.queues().forEach(queues::add);
            agent.put("login_start", view.loginStart().map(Snapshot::iso).orElse(null));
            agent.put("status_since", view.statusSince().map(Snapshot::iso).orElse(null));
            if (view.pause().isPresent()) {
                AgentView.Pause pause = view.pause().get();
                agent.putObject("pause").put("break_id", pause.breakId()).put("name", pause.breakName())
                        .put("start", iso(pause.start()));
            } else {
                agent.putNull("pause");
            }
            if (view.wrapup().isPresent()) {
                AgentView.Wrapup wrapup = view.wrapup().get();
                agent.putObject("wrapup").put("start", wrapup.start().toString()).put("end", wrapup.end().toString());
            } else {
                agent.putNull("wrapup");
            }
            if (view.call().isPresent()) {
                agent.set("call", call(view.call().get()));
                calls.add(call(view.call().get()).put("agent_number", view.agent().channel()));
            } else {
                agent.putNull("call");
            }
        });
        return snapshot;
    }

    /** Seconds always written ({@code LocalDateTime.toString} leaves out ":00"). */
    private static String iso(java.time.LocalDateTime time) {
        return time.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** {@code link_start} is null while the call is not linked yet (a call placed for the agent rings). */
    private static ObjectNode call(CallLink call) {
        ObjectNode node = ApiResponses.MAPPER.createObjectNode()
                .put("calltype", call.callType())
                .put("callid", call.callId());
        if (call.campaignId().isPresent()) {
            node.put("campaign_id", call.campaignId().get());
        } else {
            node.putNull("campaign_id");
        }
        return node.put("phone", call.phone())
                .put("remote_channel", call.remoteChannel())
                .put("queue", call.queue())
                .put("link_start", call.linkStart() == null ? null : iso(call.linkStart()));
    }
}
