package org.dialerd.sim.actions;

import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.ChannelInfo;

/**
 * MixMonitor, MixMonitorMute, StopMixMonitor. Nothing is recorded: the simulator keeps the file
 * name in MIXMONITOR_FILENAME and publishes the events. As in Asterisk 22 there is no
 * MixMonitorStop when a monitored channel simply hangs up.
 */
final class MonitorActions {

    private static final String RUNNING = "__MIXMONITOR_RUNNING";

    private MonitorActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("mixmonitor", MonitorActions::start);
        m.put("mixmonitormute", MonitorActions::mute);
        m.put("stopmixmonitor", MonitorActions::stop);
    }

    private static Optional<Channel> channel(ActionContext ctx) {
        return ctx.pbx().channels().find(ctx.header("Channel"));
    }

    static void start(ActionContext ctx) {
        Optional<Channel> ch = channel(ctx);
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        ChannelInfo.variables(ch.get()).put("MIXMONITOR_FILENAME", ctx.header("File"));
        ChannelInfo.variables(ch.get()).put(RUNNING, "1");
        ctx.send(ctx.response("Success").build());
        // Asterisk announces the file just before MixMonitorStart (trace 11); dialerd records it.
        ctx.pbx().events().varSet(ch.get(), "MIXMONITOR_FILENAME", ctx.header("File"));
        ctx.pbx().events().channelEvent("MixMonitorStart", ch.get());
    }

    static void mute(ActionContext ctx) {
        Optional<Channel> ch = channel(ctx);
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        ctx.send(ctx.response("Success").build());
        String state = ctx.isTrue("State") ? "1" : "0";
        ctx.pbx().events().channelEvent("MixMonitorMute", ch.get(), "Direction", ctx.header("Direction"),
                "State", state);
    }

    static void stop(ActionContext ctx) {
        Optional<Channel> ch = channel(ctx);
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        if (ChannelInfo.variables(ch.get()).remove(RUNNING) == null) {
            ctx.error("Could not stop monitoring channel");
            return;
        }
        ctx.send(ctx.response("Success").build());
        ctx.pbx().events().channelEvent("MixMonitorStop", ch.get());
    }
}
