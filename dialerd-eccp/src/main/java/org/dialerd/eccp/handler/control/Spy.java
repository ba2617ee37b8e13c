package org.dialerd.eccp.handler.control;

import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.spy.SpyMode;
import org.dialerd.core.spy.SpyRequest;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * spyagent / spystop (extensions): a supervisor client listens to, whispers to or barges into an
 * agent's call from its own extension, and ends that. The checks, in order, each a failure with
 * nothing sent to Asterisk: the client is a supervisor (403); the arguments (400); the
 * supervisor's extension (404); the agent (417 bad number, 404 unknown, 417 not logged in or not
 * on a call). spyagent again for the same agent from the same extension switches the live
 * session's mode inside the call (SpyControl; same spy_id, spymode follows). No agent hash: the
 * supervisor does not know the agent's password; being a supervisor client is the permission.
 *
 * <pre>
 *   &lt;request id="1"&gt;&lt;spyagent&gt;&lt;agent_number&gt;SIP/1001&lt;/agent_number&gt;&lt;extension&gt;1010&lt;/extension&gt;
 *     &lt;mode&gt;listen&lt;/mode&gt;&lt;/spyagent&gt;&lt;/request&gt;
 *   &lt;response id="1"&gt;&lt;spyagent_response&gt;&lt;success/&gt;&lt;spy_id&gt;dialerd-1733130000-s1&lt;/spy_id&gt;
 *     &lt;/spyagent_response&gt;&lt;/response&gt;
 * </pre>
 */
public final class Spy {
    static final String NOT_SUPERVISOR = "Client is not a supervisor";
    static final String INVALID_MODE = "Bad request: invalid mode (listen, whisper or barge)";

    private Spy() {
    }

    public static XmlElement spyAgent(RequestContext context, XmlElement request) {
        String supervisor = requireSupervisor(context);
        String agentNumber = Args.required(request, "agent_number").trim();
        String extension = Args.required(request, "extension").trim();
        SpyMode mode = SpyMode.fromWireName(Args.required(request, "mode").trim())
                .orElseThrow(() -> EccpFailure.wrapped(400, INVALID_MODE));
        String dialString = context.services().extensions().dialString(extension)
                .orElseThrow(() -> EccpFailure.wrapped(404, "Specified extension not found"));
        Agent agent = agent(context, agentNumber);
        EccpFailure notFound = EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND);
        AgentCall current = AgentCall.require(context, agent, notFound,
                EccpFailure.wrapped(417, AgentCall.NOT_LOGGED_IN), EccpFailure.wrapped(417, AgentCall.NOT_IN_CALL));
        // The agent's leg in the call (a full channel name: ChanSpy's prefix then names it alone);
        // the login channel when Asterisk did not say which leg took the call.
        String agentChannel = current.call().agentChannel().isEmpty()
                ? current.view().channel().orElseThrow(() -> EccpFailure.wrapped(417, AgentCall.NOT_IN_CALL))
                : current.call().agentChannel();
        EngineResult result = Waits.await(context.services().spies().start(new SpyRequest(supervisor, extension,
                dialString, agent.channel(), agentChannel, mode)), "Cannot start spy call");
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return XmlElement.of(context.name().responseName(), XmlElement.empty("success"),
                XmlElement.text("spy_id", result.status().orElse("")));
    }

    public static XmlElement spyStop(RequestContext context, XmlElement request) {
        String supervisor = requireSupervisor(context);
        Agent agent = agent(context, Args.required(request, "agent_number").trim());
        EngineResult result = Waits.await(context.services().spies().stop(supervisor, agent.channel()),
                "Cannot stop spy call");
        result.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return Replies.success(context.name());
    }

    /** The session's client account, when {@code dialerd_supervisor} lists it. */
    private static String requireSupervisor(RequestContext context) {
        String username = context.session().username().orElse("");
        if (!context.services().stores().clients().isSupervisor(username)) {
            throw EccpFailure.wrapped(403, NOT_SUPERVISOR);
        }
        return username;
    }

    private static Agent agent(RequestContext context, String agentNumber) {
        AgentNumber parsed = AgentNumber.parse(agentNumber)
                .orElseThrow(() -> EccpFailure.wrapped(417, "Invalid agent number"));
        return context.services().stores().agents().findByChannel(parsed.type(), parsed.number())
                .filter(Agent::active)
                .orElseThrow(() -> EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND));
    }
}
