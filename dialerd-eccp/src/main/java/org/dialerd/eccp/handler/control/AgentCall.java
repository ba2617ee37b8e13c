package org.dialerd.eccp.handler.control;

import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;

/**
 * The agent a call-control request acts on, and its current call. The reference words its
 * refusals differently per request (see eccp-traces/README.md, "Agent operations on a known
 * agent that is not logged in"), so each step takes the failure to throw.
 */
record AgentCall(Agent agent, AgentView view, CallLink call) {
    static final String NOT_IN_CALL = "Agent not in call";
    static final String AGENT_NOT_FOUND = "Specified agent not found";
    static final String NOT_LOGGED_IN = "Agent currently not logged in";


    /**
     * The agent's live state, refusing with {@code untracked} when the daemon does not know the
     * agent, {@code loggedOut} when it is not logged in and {@code idle} when it has no call.
     */
    static AgentCall require(RequestContext context, Agent agent, EccpFailure untracked, EccpFailure loggedOut,
                             EccpFailure idle) {
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw untracked;
        }
        Optional<AgentView> view = context.services().engine().view(agent.channel()).filter(AgentView::isLoggedIn);
        if (view.isEmpty()) {
            throw loggedOut;
        }
        CallLink call = view.get().call().orElseThrow(() -> idle);
        return new AgentCall(agent, view.get(), call);
    }

    /** The common case: every refusal is 417 {@code Agent not in call}. */
    static AgentCall requireInCall(RequestContext context, Agent agent) {
        EccpFailure notInCall = EccpFailure.wrapped(417, NOT_IN_CALL);
        return require(context, agent, notInCall, notInCall, notInCall);
    }

    /**
     * Sends an action and waits (bounded) for Asterisk. A refusal, a lost connection or no
     * answer in time all become 500 {@code refusal}, the reference's single Asterisk failure.
     */
    static PbxReply send(RequestContext context, PbxAction action, String refusal) {
        PbxReply reply = Waits.await(context.services().pbx().send(action), refusal);
        if (!reply.success()) {
            throw EccpFailure.wrapped(500, refusal);
        }
        return reply;
    }
}
