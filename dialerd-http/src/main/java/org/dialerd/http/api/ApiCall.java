package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import java.util.List;

/**
 * One authenticated call of an endpoint: the request, the session its token stands for, and the
 * way to the ECCP dispatcher.
 */
public final class ApiCall {
    static final String AGENT_PASSWORD = "X-Agent-Password";

    private final Request request;
    private final EccpSession session;
    private final EccpBridge eccp;

    ApiCall(Request request, EccpSession session, EccpBridge eccp) {
        this.request = request;
        this.session = session;
        this.eccp = eccp;
    }

    public Request request() {
        return request;
    }

    public EccpSession session() {
        return session;
    }

    JsonNode body() throws ApiFailure {
        return ApiResponses.body(request);
    }

    /**
     * The {@code {agent}} path parameter as an ECCP agent number: {@code Agent/9000} (slash
     * percent-encoded) or {@code Agent-9000}. Not checked here: ECCP's handlers check it.
     */
    String agent() {
        return agentNumber(request.pathParam("agent").orElse(""));
    }

    /** {@code Agent-9000} as {@code Agent/9000}; anything else as it is (ECCP checks it). */
    static String agentNumber(String raw) {
        if (!raw.contains("/") && AgentNumber.parse(raw.replaceFirst("-", "/")).isPresent()) {
            return raw.replaceFirst("-", "/");
        }
        return raw;
    }

    /** ECCP's answer, or its failure thrown. */
    EccpBridge.Answer eccp(XmlElement request) throws ApiFailure {
        return eccp.require(session, request);
    }

    /** ECCP's answer mapped to JSON (200), or its failure. */
    Response answer(XmlElement request) throws ApiFailure {
        return ApiResponses.json(200, XmlJson.toJson(eccp(request).body()));
    }

    /**
     * {@code <name><agent_number>…</agent_number>[more]<agent_hash>…</agent_hash></name>}, the hash
     * made from this session's cookie and the {@code X-Agent-Password} header (missing: empty, so
     * ECCP refuses agents that have a password).
     */
    XmlElement agentRequest(String name, String agentNumber, java.util.List<XmlElement> more) {
        XmlElement request = XmlElement.builder(name).add("agent_number", agentNumber).addAll(more).build();
        return EccpBridge.withAgentHash(session, request, agentNumber,
                this.request.header(AGENT_PASSWORD).orElse(""));
    }

    /** {@link #agentRequest} with the members of the body as the further parameters. */
    XmlElement agentRequestFromBody(String name) throws ApiFailure {
        List<XmlElement> more = parameters(name, body()).stream()
                .filter(p -> !p.name().equals("agent_number") && !p.name().equals("agent_hash")).toList();
        return agentRequest(name, agent(), more);
    }

    static java.util.List<XmlElement> parameters(String name, JsonNode body) throws ApiFailure {
        try {
            return XmlJson.toXml(name, body).children();
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(400, "Invalid JSON: " + e.getMessage());
        }
    }
}
