package org.dialerd.sim.actions;

import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.ChannelInfo;

/** Getvar and Setvar on channels, globals and the DEVICE_STATE() function. */
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
            value = channelValue(ch.get(), var);
        } else if (var.startsWith("DEVICE_STATE(") && var.endsWith(")")) {
            value = ctx.pbx().devices().state(var.substring(13, var.length() - 1));
        } else {
            value = ctx.pbx().globals().getOrDefault(var, "");
        }
        ctx.send(ctx.response("Success").add("Variable", var).add("Value", value).build());
    }

    private static String channelValue(Channel ch, String var) {
        switch (var) {
            case "CHANNEL": return ch.name();
            case "UNIQUEID": return ch.uniqueid();
            case "CALLERID(num)": return ch.callerNum();
            case "CALLERID(name)": return ch.callerName();
            default: return ChannelInfo.variables(ch).getOrDefault(var, "");
        }
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
