package org.dialerd.eccp.handler;

import java.util.EnumMap;
import java.util.Map;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestHandler;

/** The one immutable registry of request handlers; a request missing here answers 501. */
public final class Handlers {
    private Handlers() {
    }

    public static Map<RequestName, RequestHandler> all() {
        Map<RequestName, RequestHandler> all = new EnumMap<>(RequestName.class);
        for (Map<RequestName, RequestHandler> area : java.util.List.of(SessionHandlers.all(), BreakHandlers.all(),
                CampaignHandlers.all(), CallHandlers.all(), ReportHandlers.all(), AgentHandlers.all(),
                CallControlHandlers.all(), StatusHandlers.all(), ScheduleHandlers.all(),
                SupervisorHandlers.all(), DialHandlers.all(), org.dialerd.eccp.handler.preview.Preview.all(),
                AbandonHandlers.all(), WrapupHandlers.all(), LiveStatsHandlers.all())) {
            for (var entry : area.entrySet()) {
                if (all.put(entry.getKey(), entry.getValue()) != null) {
                    throw new IllegalStateException("two handlers for " + entry.getKey());
                }
            }
        }
        return java.util.Collections.unmodifiableMap(all);
    }
}
