package org.dialerd.eccp.server;

import org.dialerd.core.agent.Agent;
import org.dialerd.eccp.protocol.AgentAuth;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;

/**
 * One request being handled: the session it came on, the request's name and the services.
 *
 * @param closeAfterReply set by logout: the connection closes once the reply is written
 */
public final class RequestContext {
    private final EccpSession session;
    private final RequestName name;
    private final Services services;
    private boolean closeAfterReply;

    public RequestContext(EccpSession session, RequestName name, Services services) {
        this.session = session;
        this.name = name;
        this.services = services;
    }

    public EccpSession session() {
        return session;
    }

    public RequestName name() {
        return name;
    }

    public Services services() {
        return services;
    }

    /** Runs the shared agent-hash checks ({@link AgentAuth}) against this session's cookie. */
    public Agent authenticateAgent(XmlElement request) {
        return AgentAuth.authenticate(services.stores().agents(), session.appCookie().orElse(""), request);
    }

    public void closeAfterReply() {
        this.closeAfterReply = true;
    }

    public boolean shouldCloseAfterReply() {
        return closeAfterReply;
    }
}
