package org.dialerd.eccp.handler.control;

import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * hold: park the customer, pause the agent with the hold break; unhold: ring the agent's phone
 * into the parking space. The engine does the work and keeps the agent from being stuck if
 * the parked customer hangs up.
 */
public final class Hold {
    private Hold() {
    }

    public static XmlElement hold(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, "Agent not found or not logged in through ECCP");
        }
        return answer(context, context.services().engine().hold(agent));
    }

    public static XmlElement unhold(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, "Specified agent not found");
        }
        return answer(context, context.services().engine().unhold(agent));
    }

    private static XmlElement answer(RequestContext context, CompletableFuture<EngineResult> pending) {
        EngineResult result = Waits.await(pending, "No answer from Asterisk in time");
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return Replies.success(context.name());
    }
}
