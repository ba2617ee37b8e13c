package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.eccp.handler.control.Spy;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestHandler;

/** Supervisor extensions: spyagent (listen, whisper, barge) and spystop. */
final class SupervisorHandlers {
    private SupervisorHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.SPYAGENT, Spy::spyAgent,
                RequestName.SPYSTOP, Spy::spyStop);
    }
}
