package org.dialerd.sim.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.Channel;

/** Park (Channel, TimeoutChannel, Timeout in ms) and ParkedCalls, against res_parking's lot. */
final class ParkActions {

    private ParkActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("park", ParkActions::park);
        m.put("parkedcalls", ParkActions::parkedCalls);
    }

    /** The response comes before the events: Asterisk answers once the park is queued. */
    static void park(ActionContext ctx) {
        String name = ctx.header("Channel");
        if (name.isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        Optional<Channel> parkee = ctx.pbx().channels().find(name);
        if (parkee.isEmpty()) {
            ctx.error("Channel does not exist: " + name);
            return;
        }
        Channel timeoutChannel = null;
        String tc = ctx.header("TimeoutChannel");
        if (!tc.isEmpty()) {
            timeoutChannel = ctx.pbx().channels().find(tc).orElse(null);
        }
        long timeout;
        try {
            timeout = ctx.header("Timeout").isEmpty() ? 0 : Long.parseLong(ctx.header("Timeout").trim());
        } catch (NumberFormatException e) {
            ctx.error("Invalid Timeout value.");
            return;
        }
        if (ctx.pbx().parking().full()) {
            ctx.error("Park action failed");
            return;
        }
        ctx.success("Park successful");
        ctx.pbx().parking().park(parkee.get(), timeoutChannel, timeout);
    }

    /** Items are ParkedCall events without Privilege, ActionID last; Complete has ListItems and Total. */
    static void parkedCalls(ActionContext ctx) {
        ctx.listStart("Parked calls will follow");
        List<AmiMessage.Builder> items = ctx.pbx().parking().list();
        for (AmiMessage.Builder item : items) {
            ctx.listItem(item);
        }
        AmiMessage.Builder done = AmiMessage.event("ParkedCallsComplete");
        if (ctx.actionId() != null) {
            done.add("ActionID", ctx.actionId());
        }
        ctx.send(done.add("EventList", "Complete").add("ListItems", items.size()).add("Total", items.size()).build());
    }
}
