package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.eccp.handler.schedule.ScheduleCall;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestHandler;

/** Scheduling: schedulecall. */
final class ScheduleHandlers {
    private ScheduleHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.SCHEDULECALL, ScheduleCall::scheduleCall);
    }
}
