package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.eccp.handler.control.DialNumber;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestHandler;

/** Calls an agent places: dialnumber (click-to-call, an extension). */
final class DialHandlers {
    private DialHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.DIALNUMBER, DialNumber::dialNumber);
    }
}
