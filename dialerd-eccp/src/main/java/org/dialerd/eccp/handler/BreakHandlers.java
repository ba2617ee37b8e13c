package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.core.store.BreakStore;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/** getpauses: the tipo 'B' breaks, active and inactive, as bare {@code <pause id>} children. */
final class BreakHandlers {
    private BreakHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.GETPAUSES, BreakHandlers::getPauses);
    }

    static XmlElement getPauses(RequestContext context, XmlElement request) {
        XmlElement.Builder response = XmlElement.builder(RequestName.GETPAUSES.responseName());
        for (BreakStore.Break pause : context.services().stores().breaks().findByTipo('B')) {
            response.add(XmlElement.builder("pause")
                    .attribute("id", pause.id())
                    .add("name", pause.name())
                    .add("status", pause.active() ? "A" : "I")
                    .add("type", String.valueOf(pause.tipo()))
                    .addIfPresent("description", pause.description())
                    .build());
        }
        return response.build();
    }
}
