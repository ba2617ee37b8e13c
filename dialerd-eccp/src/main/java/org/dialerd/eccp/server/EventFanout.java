package org.dialerd.eccp.server;

import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineListener;
import org.dialerd.eccp.protocol.AgentEventXml;

/** Engine events → ECCP event packets for the sessions that should see them. */
public final class EventFanout implements EngineListener {
    private final SessionRegistry sessions;

    public EventFanout(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onEvent(AgentEvent event) {
        sessions.publish(event.agentNumber(), AgentEventXml.toXml(event), false);
    }
}
