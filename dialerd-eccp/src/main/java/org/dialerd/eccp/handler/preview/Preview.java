package org.dialerd.eccp.handler.preview;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * acceptpreview and rejectpreview (extensions): the agent's answer to the preview call offered
 * to it. Both take agent_number, agent_hash and the offered call_id; the preview dialer decides
 * (404 no such offer, 409 the call is another agent's, 410 the offer expired) and a refusal
 * changes nothing.
 *
 * <pre>
 * → &lt;request id="7"&gt;&lt;acceptpreview&gt;&lt;agent_number&gt;SIP/1001&lt;/agent_number&gt;
 *     &lt;agent_hash&gt;…&lt;/agent_hash&gt;&lt;call_id&gt;42&lt;/call_id&gt;&lt;/acceptpreview&gt;&lt;/request&gt;
 * ← &lt;response id="7"&gt;&lt;acceptpreview_response&gt;&lt;success/&gt;&lt;/acceptpreview_response&gt;&lt;/response&gt;
 * </pre>
 */
public final class Preview {
    private Preview() {
    }

    public static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.ACCEPTPREVIEW, Preview::accept,
                RequestName.REJECTPREVIEW, Preview::reject);
    }

    static XmlElement accept(RequestContext context, XmlElement request) {
        Agent agent = agent(context, request);
        return answer(context, context.services().engine().preview().accept(agent.channel(), callId(request)));
    }

    static XmlElement reject(RequestContext context, XmlElement request) {
        Agent agent = agent(context, request);
        return answer(context, context.services().engine().preview().reject(agent.channel(), callId(request)));
    }

    private static Agent agent(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, "Specified agent not found");
        }
        return agent;
    }

    private static long callId(XmlElement request) {
        String text = Args.required(request, "call_id").trim();
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below: the same answer as a non-positive id
        }
        throw EccpFailure.badRequest("invalid call_id");
    }

    private static XmlElement answer(RequestContext context, CompletableFuture<EngineResult> pending) {
        EngineResult result = Waits.await(pending, "No answer from the dialer in time");
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return Replies.success(context.name());
    }
}
