package org.dialerd.sim.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dialerd.sim.pbx.Channel;
import org.dialerd.sim.pbx.HangupCause;
import org.dialerd.sim.pbx.OriginateRequest;
import org.dialerd.sim.pbx.Originator;

/** Originate, Hangup, Redirect. */
final class CallActions {

    private CallActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("originate", CallActions::originate);
        m.put("hangup", CallActions::hangup);
        m.put("redirect", CallActions::redirect);
    }

    static void originate(ActionContext ctx) {
        if (ctx.header("Channel").isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        String[] cid = OriginateRequest.parseCallerId(ctx.action().getOrEmpty("CallerID"));
        long timeout = ctx.header("Timeout").isEmpty() ? 30_000 : Long.parseLong(ctx.header("Timeout"));
        int priority = ctx.header("Priority").isEmpty() ? 1 : Integer.parseInt(ctx.header("Priority"));
        boolean async = ctx.isTrue("Async");
        OriginateRequest req = new OriginateRequest(ctx.actionId(), ctx.header("Channel"), ctx.header("Context"),
                ctx.header("Exten"), priority, ctx.header("Application"), ctx.action().getOrEmpty("Data"),
                cid[0], cid[1], timeout, async, ctx.action().getAll("Variable"),
                emptyToNull(ctx.header("ChannelId")), emptyToNull(ctx.header("OtherChannelId")));
        if (async) {
            ctx.success("Originate successfully queued");
            ctx.pbx().originator().originate(req, null);
        } else {
            ctx.pbx().originator().originate(req, reason -> {
                if (reason == Originator.REASON_ANSWERED) {
                    ctx.success("Originate successfully queued");
                } else {
                    ctx.error("Originate failed");
                }
            });
        }
    }

    static void hangup(ActionContext ctx) {
        String name = ctx.header("Channel");
        if (name.isEmpty()) {
            ctx.error("No channel specified");
            return;
        }
        int cause = ctx.header("Cause").isEmpty() ? HangupCause.NORMAL_CLEARING : Integer.parseInt(ctx.header("Cause"));
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            List<Channel> all;
            try {
                all = ctx.pbx().channels().matching(Pattern.compile(name.substring(1, name.length() - 1)));
            } catch (PatternSyntaxException e) {
                ctx.error("Invalid regex");
                return;
            }
            ctx.send(ctx.response("Success").add("EventList", "start").add("Message", "Channels hung up will follow").build());
            for (Channel ch : all) {
                ctx.listItem(org.dialerd.sim.ami.AmiMessage.event("ChannelHungup").add("Channel", ch.name()));
            }
            ctx.listComplete("ChannelsHungupListComplete", all.size());
            for (Channel ch : all) {
                ctx.pbx().ops().softHangup(ch, cause, cause);
            }
            return;
        }
        Optional<Channel> ch = ctx.pbx().channels().find(name);
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        ctx.success("Channel Hungup");
        ctx.pbx().ops().softHangup(ch.get(), cause, cause);
    }

    static void redirect(ActionContext ctx) {
        Optional<Channel> ch = ctx.pbx().channels().find(ctx.header("Channel"));
        if (ch.isEmpty()) {
            ctx.error("Channel specified does not exist");
            return;
        }
        int prio = ctx.header("Priority").isEmpty() ? 1 : Integer.parseInt(ctx.header("Priority"));
        ctx.success("Redirect successful");
        ctx.pbx().runner().redirect(ch.get(), ctx.header("Context"), ctx.header("Exten"), prio);
        Optional<Channel> extra = ctx.pbx().channels().find(ctx.header("ExtraChannel"));
        extra.ifPresent(e -> ctx.pbx().runner().redirect(e, ctx.header("ExtraContext"), ctx.header("ExtraExten"),
                ctx.header("ExtraPriority").isEmpty() ? 1 : Integer.parseInt(ctx.header("ExtraPriority"))));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
