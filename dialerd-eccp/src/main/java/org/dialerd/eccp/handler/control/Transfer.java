package org.dialerd.eccp.handler.control;

import org.dialerd.core.agent.Agent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * transfercall (blind) and atxfercall (attended). The destination is dialled in
 * {@link #TRANSFER_CONTEXT}, as the reference does. A missing or non-digit extension is a
 * top-level 400, checked before the agent's state.
 */
public final class Transfer {
    /** FreePBX's context for internal calls; the reference transfers there. */
    public static final String TRANSFER_CONTEXT = "from-internal";
    static final String REFUSED = "Cannot transfer agent call";

    private Transfer() {
    }

    /** Blind: the customer's channel is redirected to the extension; the agent is free at once. */
    public static XmlElement transferCall(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        String extension = extension(request);
        EccpFailure notInCall = EccpFailure.wrapped(417, AgentCall.NOT_IN_CALL);
        AgentCall current = AgentCall.require(context, agent, EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND),
                notInCall, notInCall);
        AgentCall.send(context, new PbxAction.Redirect(current.call().remoteChannel(), TRANSFER_CONTEXT, extension, 1,
                "", "", "", 0), REFUSED);
        // app_queue would complete the call only when the customer hangs up; the agent is free now.
        context.services().engine().transferred(agent, extension);
        return Replies.success(context.name());
    }

    /**
     * Attended: Atxfer on the agent's channel dials the extension while the customer waits;
     * the agent completes the transfer by hanging up. The engine sends it and follows it to its
     * end: this answer says Asterisk took the Atxfer; a transfer that then fails reaches the
     * agent's sessions as the {@code atxferfailed} event.
     */
    public static XmlElement atxferCall(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        String extension = extension(request);
        EccpFailure notFound = EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND);
        AgentCall current = AgentCall.require(context, agent, notFound, notFound,
                EccpFailure.wrapped(417, AgentCall.NOT_IN_CALL));
        // The agent's leg in the call; a static agent's login channel, or a dynamic agent's
        // queue interface, is not a channel Asterisk can transfer from.
        String agentChannel = current.view().call().map(c -> c.agentChannel()).filter(c -> !c.isEmpty())
                .or(() -> current.view().channel())
                .orElseThrow(() -> notFound);
        EngineResult result = Waits.await(context.services().engine().attendedTransfer(agent, agentChannel,
                TRANSFER_CONTEXT, extension), REFUSED);
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return Replies.success(context.name());
    }

    private static String extension(XmlElement request) {
        String extension = Args.required(request, "extension").trim();
        if (!extension.matches("\\d+")) {
            throw EccpFailure.badRequest();
        }
        return extension;
    }
}
