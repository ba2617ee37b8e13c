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

    private static final int SOFTHANGUP_EXPLICIT = 0x10;

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
        // Without Cause the channel keeps hangup cause 0 ("Unknown"); SoftHangupRequest's Cause is
        // then AST_SOFTHANGUP_EXPLICIT, which happens to be 16 as well.
        int cause = ctx.header("Cause").isEmpty() ? 0 : Integer.parseInt(ctx.header("Cause"));
        int softCause = ctx.header("Cause").isEmpty() ? SOFTHANGUP_EXPLICIT : cause;
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
                ctx.pbx().ops().softHangup(ch, cause, softCause);
            }
            return;
        }
        // Asterisk's channel lookup (ast_channel_get_by_name) also takes a uniqueid.
        Optional<Channel> ch = ctx.pbx().channels().find(name).or(() -> ctx.pbx().channels().findByUniqueid(name));
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        ctx.success("Channel Hungup");
        ctx.pbx().ops().softHangup(ch.get(), cause, softCause);
    }

    static void redirect(ActionContext ctx) {
        Optional<Channel> ch = ctx.pbx().channels().find(ctx.header("Channel"));
        if (ch.isEmpty()) {
            ctx.error("Channel specified does not exist");
            return;
        }
        int prio = ctx.header("Priority").isEmpty() ? 1 : Integer.parseInt(ctx.header("Priority"));
        Channel extra = ctx.pbx().channels().find(ctx.header("ExtraChannel")).orElse(null);
        int extraPrio = ctx.header("ExtraPriority").isEmpty() ? 1 : Integer.parseInt(ctx.header("ExtraPriority"));
        ctx.success(extra != null ? "Dual Redirect successful" : "Redirect successful");
        String context = ctx.header("Context");
        String exten = ctx.header("Exten");
        String extraContext = ctx.header("ExtraContext");
        String extraExten = ctx.header("ExtraExten");
        ctx.pbx().runner().redirect(ch.get(), context, exten, prio, extra, extraContext, extraExten, extraPrio);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
