package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * endwrapup (extension): the agent's console ends its after-call work early; the agent is
 * unpaused in its queues. Same arguments and failures as unpauseagent.
 * <pre>
 * &lt;request id="7"&gt;&lt;endwrapup&gt;&lt;agent_number&gt;Agent/9000&lt;/agent_number&gt;
 *   &lt;agent_hash&gt;...&lt;/agent_hash&gt;&lt;/endwrapup&gt;&lt;/request&gt;
 * &lt;response id="7"&gt;&lt;endwrapup_response&gt;&lt;success/&gt;&lt;/endwrapup_response&gt;&lt;/response&gt;
 * </pre>
 */
final class WrapupHandlers {
    private WrapupHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.ENDWRAPUP, WrapupHandlers::endWrapup);
    }

    static XmlElement endWrapup(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, "Agent not found or not logged in through ECCP");
        }
        EngineResult result = Waits.await(context.services().engine().endWrapup(agent),
                "No answer from Asterisk in time");
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return Replies.success(context.name());
    }
}
