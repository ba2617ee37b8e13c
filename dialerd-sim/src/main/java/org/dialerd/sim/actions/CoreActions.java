package org.dialerd.sim.actions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.Cli;
import org.dialerd.sim.pbx.ChannelInfo;
import org.dialerd.sim.pbx.Pbx;

/** CoreSettings, CoreStatus, CoreShowChannels, Command, UserEvent, DBGet/DBPut/DBDel. */
final class CoreActions {

    static final String AMI_VERSION = "11.0.0";
    static final String ASTERISK_VERSION = "22.10.1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private CoreActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("coresettings", CoreActions::coreSettings);
        m.put("corestatus", CoreActions::coreStatus);
        m.put("coreshowchannels", CoreActions::coreShowChannels);
        m.put("command", CoreActions::command);
        m.put("userevent", CoreActions::userEvent);
        m.put("dbget", CoreActions::dbGet);
        m.put("dbput", CoreActions::dbPut);
        m.put("dbdel", CoreActions::dbDel);
    }

    static void coreSettings(ActionContext ctx) {
        ctx.send(ctx.response("Success").add("AMIversion", AMI_VERSION).add("AsteriskVersion", ASTERISK_VERSION)
                .add("SystemName", "").add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "").add("CoreRunGroup", "").add("CoreMaxFilehandles", "0")
                .add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No").build());
    }

    static void coreStatus(ActionContext ctx) {
        Instant start = Instant.ofEpochMilli(ctx.pbx().startedEpochMillis());
        ctx.send(ctx.response("Success").add("CoreStartupDate", DATE.format(start))
                .add("CoreStartupTime", TIME.format(start)).add("CoreReloadDate", DATE.format(start))
                .add("CoreReloadTime", TIME.format(start))
                .add("CoreCurrentCalls", ctx.pbx().activeCalls())
                .add("CoreProcessedCalls", ctx.pbx().processedCalls()).build());
    }

    static void coreShowChannels(ActionContext ctx) {
        ctx.listStart("Channels will follow");
        int n = 0;
        Pbx pbx = ctx.pbx();
        for (Channel ch : pbx.channels().all()) {
            long secs = (pbx.channels().nowMillis() - ChannelInfo.createdAt(ch)) / 1000;
            AmiMessage.Builder b = AmiMessage.builder().addAll(ch.snapshot().fields())
                    .add("Application", ChannelInfo.application(ch)).add("ApplicationData", ChannelInfo.appData(ch))
                    .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60))
                    .add("BridgeId", ch.bridge() == null ? "" : ch.bridge().id());
            ctx.listItemIdFirst("CoreShowChannel", b.build().fields());
            n++;
        }
        ctx.listComplete("CoreShowChannelsComplete", n);
    }

    static void command(ActionContext ctx) {
        String cmd = ctx.header("Command");
        AmiMessage.Builder b = ctx.response("Success").add("Message", "Command output follows");
        if (cmd.startsWith("database show")) {
            String family = cmd.substring("database show".length()).trim();
            Map<String, String> sorted = new TreeMap<>(ctx.pbx().astdb());
            int n = 0;
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                if (family.isEmpty() || e.getKey().startsWith("/" + family + "/")) {
                    b.add("Output", String.format("%-50s: %s", e.getKey(), e.getValue()));
                    n++;
                }
            }
            b.add("Output", n + " results found.");
        } else if (cmd.equals("core show channels")) {
            Cli.coreShowChannels(ctx.pbx()).forEach(line -> b.add("Output", line));
        } else if (cmd.startsWith("core show channel ")
                && ctx.pbx().channels().find(cmd.substring("core show channel ".length()).trim()).isPresent()) {
            Cli.coreShowChannel(ctx.pbx().channels().find(cmd.substring("core show channel ".length()).trim()).get())
                    .forEach(line -> b.add("Output", line));
        } else if (cmd.startsWith("queue show ") && ctx.pbx().queues().find(cmd.substring(11).trim()).isPresent()) {
            Cli.queueShow(ctx.pbx(), ctx.pbx().queues().find(cmd.substring(11).trim()).get())
                    .forEach(line -> b.add("Output", line));
        } else if (cmd.equals("core show version")) {
            b.add("Output", "Asterisk " + ASTERISK_VERSION + " (simulated by dialerd-sim)");
        } else {
            b.add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd + "' for other possible commands)");
        }
        ctx.send(b.build());
    }

    static void userEvent(ActionContext ctx) {
        AmiMessage.Builder b = AmiMessage.event("UserEvent").add("Privilege", "user,all")
                .add("UserEvent", ctx.header("UserEvent"));
        if (ctx.actionId() != null) {
            b.add("ActionID", ctx.actionId());
        }
        for (Map.Entry<String, String> f : ctx.action().fields()) {
            String k = f.getKey();
            if (!k.equalsIgnoreCase("Action") && !k.equalsIgnoreCase("ActionID") && !k.equalsIgnoreCase("UserEvent")) {
                b.add(k, f.getValue());
            }
        }
        ctx.success("Event Sent");
        ctx.pbx().events().publish(b.build());
    }

    static void dbGet(ActionContext ctx) {
        String key = "/" + ctx.header("Family") + "/" + ctx.header("Key");
        String v = ctx.pbx().astdb().get(key);
        if (v == null) {
            ctx.error("Database entry not found");
            return;
        }
        ctx.listStart("Result will follow");
        ctx.listItem(AmiMessage.event("DBGetResponse").add("Family", ctx.header("Family"))
                .add("Key", ctx.header("Key")).add("Val", v));
        ctx.listComplete("DBGetComplete", 1);
    }

    static void dbPut(ActionContext ctx) {
        ctx.pbx().astdb().put("/" + ctx.header("Family") + "/" + ctx.header("Key"), ctx.action().getOrEmpty("Val"));
        ctx.success("Updated database successfully");
    }

    static void dbDel(ActionContext ctx) {
        String key = "/" + ctx.header("Family") + "/" + ctx.header("Key");
        if (ctx.pbx().astdb().remove(key) == null) {
            ctx.error("Database entry not found");
            return;
        }
        ctx.success("Key deleted successfully");
    }
}
