package org.dialerd.sim.actions;

import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.ChannelInfo;
import org.dialerd.sim.pbx.ChannelStatus;
import org.dialerd.sim.pbx.GlobalFunctions;

/** Getvar and Setvar on channels, globals and dialplan functions. */
final class VariableActions {

    private VariableActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("getvar", VariableActions::getvar);
        m.put("setvar", VariableActions::setvar);
    }

    static void getvar(ActionContext ctx) {
        String var = ctx.header("Variable");
        String chan = ctx.header("Channel");
        String value;
        if (!chan.isEmpty()) {
            Optional<Channel> ch = ctx.pbx().channels().find(chan);
            if (ch.isEmpty()) {
                ctx.error("No such channel");
                return;
            }
            value = ChannelStatus.read(ch.get(), var);
        } else {
            value = GlobalFunctions.read(ctx.pbx(), var);
        }
        ctx.send(ctx.response("Success").add("Variable", var).add("Value", value).build());
    }

    static void setvar(ActionContext ctx) {
        String var = ctx.header("Variable");
        String value = ctx.action().getOrEmpty("Value");
        String chan = ctx.header("Channel");
        if (var.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        if (var.startsWith("DEVICE_STATE(") && var.endsWith(")")) {
            ctx.success("Variable Set");
            ctx.pbx().devices().set(var.substring(13, var.length() - 1), value);
            return;
        }
        if (!chan.isEmpty()) {
            Optional<Channel> ch = ctx.pbx().channels().find(chan);
            if (ch.isEmpty()) {
                ctx.error("No such channel");
                return;
            }
            ChannelInfo.variables(ch.get()).put(var, value);
        } else {
            ctx.pbx().globals().put(var, value);
        }
        ctx.success("Variable Set");
    }
}
