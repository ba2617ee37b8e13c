package org.dialerd.sim.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.Bridge;
import org.dialerd.sim.pbx.Bridges;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.ChannelStatus;

/** Status (all channels or one, with Variables=), BridgeList and BridgeInfo. */
final class StatusActions {

    private StatusActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("status", StatusActions::status);
        m.put("bridgelist", StatusActions::bridgeList);
        m.put("bridgeinfo", StatusActions::bridgeInfo);
    }

    /** Status events end with ActionID (unlike most list items) and say "Privilege: Call". */
    static void status(ActionContext ctx) {
        String name = ctx.header("Channel");
        List<Channel> channels;
        if (name.isEmpty()) {
            channels = new ArrayList<>(ctx.pbx().channels().all());
        } else {
            Optional<Channel> ch = ctx.pbx().channels().find(name);
            if (ch.isEmpty()) {
                ctx.error("No such channel");
                return;
            }
            channels = List.of(ch.get());
        }
        ctx.listStart("Channel status will follow");
        String[] wanted = ctx.header("Variables").isEmpty() ? new String[0] : ctx.header("Variables").split(",");
        for (Channel ch : channels) {
            AmiMessage.Builder b = AmiMessage.event("Status").add("Privilege", "Call")
                    .addAll(ChannelStatus.fields(ctx.pbx(), ch));
            for (String v : wanted) {
                b.add("Variable", v.trim() + "=" + ChannelStatus.read(ch, v.trim()));
            }
            if (ctx.actionId() != null) {
                b.add("ActionID", ctx.actionId());
            }
            ctx.send(b.build());
        }
        AmiMessage.Builder done = AmiMessage.event("StatusComplete");
        if (ctx.actionId() != null) {
            done.add("ActionID", ctx.actionId());
        }
        ctx.send(done.add("EventList", "Complete").add("ListItems", channels.size())
                .add("Items", channels.size()).build());
    }

    static void bridgeList(ActionContext ctx) {
        String type = ctx.header("BridgeType");
        ctx.listStart("Bridge listing will follow");
        int n = 0;
        for (Bridge b : ctx.pbx().bridges().all()) {
            if (type.isEmpty() || type.equals(b.type())) {
                ctx.listItemIdFirst("BridgeListItem", Bridges.fields(b));
                n++;
            }
        }
        ctx.listComplete("BridgeListComplete", n);
    }

    /** The bridge's own fields come after ListItems in BridgeInfoComplete. */
    static void bridgeInfo(ActionContext ctx) {
        String id = ctx.header("BridgeUniqueid");
        if (id.isEmpty()) {
            ctx.error("BridgeUniqueid must be provided");
            return;
        }
        Optional<Bridge> bridge = ctx.pbx().bridges().find(id);
        if (bridge.isEmpty()) {
            ctx.error("Bridge " + id + " not found");
            return;
        }
        ctx.listStart("Bridge channel listing will follow");
        List<Channel> members = bridge.get().channels();
        for (Channel ch : members) {
            ctx.listItemIdFirst("BridgeInfoChannel", ch.snapshot().fields());
        }
        AmiMessage.Builder done = AmiMessage.event("BridgeInfoComplete");
        if (ctx.actionId() != null) {
            done.add("ActionID", ctx.actionId());
        }
        ctx.send(done.add("EventList", "Complete").add("ListItems", members.size())
                .addAll(Bridges.fields(bridge.get())).build());
    }
}
