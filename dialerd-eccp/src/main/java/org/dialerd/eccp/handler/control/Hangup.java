package org.dialerd.eccp.handler.control;

import org.dialerd.core.agent.Agent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * hangup: hangs up the customer's side of the agent's call, so the agent (static agents
 * included) stays logged in and free for the next call. The engine reports the end of the
 * call (agentunlinked) from Asterisk's events.
 */
public final class Hangup {
    /** Q.850 normal clearing. */
    private static final int NORMAL_CLEARING = 16;
    static final String REFUSED = "Cannot hangup agent call";

    private Hangup() {
    }

    public static XmlElement hangup(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        AgentCall current = AgentCall.requireInCall(context, agent);
        AgentCall.send(context, new PbxAction.Hangup(current.call().remoteChannel(), NORMAL_CLEARING), REFUSED);
        return Replies.success(context.name());
    }
}
