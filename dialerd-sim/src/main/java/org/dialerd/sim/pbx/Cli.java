package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;

/** The output lines of the CLI commands dialerd and operators send through the Command action. */
public final class Cli {

    private static final String[] DEVSTATE_TEXT = {"Unknown", "Not in use", "In use", "Busy", "Invalid",
        "Unavailable", "Ringing", "Ring+Inuse", "On Hold"};

    private Cli() {
    }

    /** {@code core show channels}: cli.c's fixed-width table, then the counters. */
    public static List<String> coreShowChannels(Pbx pbx) {
        List<String> out = new ArrayList<>();
        String format = "%-64.64s %-32.32s %-7.7s %-30.30s";
        out.add(String.format(format, "Channel", "Location", "State", "Application(Data)"));
        int n = 0;
        for (Channel ch : pbx.channels().all()) {
            String app = ch.application.isEmpty() ? "(None)" : ch.application + "(" + ch.applicationData + ")";
            out.add(String.format(format, ch.name, ch.exten + "@" + ch.context + ":" + ch.priority, ch.state.desc(), app));
            n++;
        }
        out.add(plural(n, "active channel"));
        out.add(plural(pbx.activeCalls(), "active call"));
        out.add(plural(pbx.processedCalls(), "call") + " processed");
        return out;
    }

    /**
     * {@code core show channel <name>}: the parts dialerd reads, the channel's identity and its
     * {@code Variables:} section (NAME=value lines), as Asterisk prints them.
     */
    public static List<String> coreShowChannel(Channel ch) {
        List<String> out = new ArrayList<>();
        out.add(" -- General --");
        out.add("           Name: " + ch.name);
        out.add("      Unique ID: " + ch.uniqueid);
        out.add("          State: " + ch.state.desc());
        out.add("      Variables:");
        ChannelInfo.variables(ch).forEach((name, value) -> out.add(name + "=" + value));
        out.add("  CDR Variables:");
        out.add("level 1: clid=\"\" <>");
        return out;
    }

    /** {@code queue show <name>}: app_queue's summary line, members and callers. */
    public static List<String> queueShow(Pbx pbx, Queue q) {
        List<String> out = new ArrayList<>();
        QueueConfig c = q.config;
        out.add(String.format("%s has %d calls (max %s) in '%s' strategy (%ds holdtime, %ds talktime), W:%d, C:%d, A:%d, SL:%s%%, SL2:%s%% within %ds",
                q.name(), q.callers.size(), c.maxLen() == 0 ? "unlimited" : Integer.toString(c.maxLen()),
                c.strategy().wire(), q.holdtime, q.talktime, c.weight(), q.completed, q.abandoned,
                q.serviceLevelPerf(), q.serviceLevelPerf2(), c.serviceLevel()));
        long now = pbx.channels().epochSeconds();
        if (q.members.isEmpty()) {
            out.add("   No Members");
        } else {
            out.add("   Members: ");
            for (QueueMember m : q.membersInOrder()) {
                out.add(member(m, c, now));
            }
        }
        if (q.callers.isEmpty()) {
            out.add("   No Callers");
        } else {
            out.add("   Callers: ");
            for (QueueCall call : q.callers) {
                long w = call.waitedSeconds();
                out.add(String.format("      %d. %s (wait: %d:%02d, prio: 0)", call.position(), call.caller.name, w / 60, w % 60));
            }
        }
        out.add("");
        out.add("");
        return out;
    }

    private static String member(QueueMember m, QueueConfig c, long now) {
        StringBuilder sb = new StringBuilder("      ").append(m.name);
        if (!m.name.equalsIgnoreCase(m.iface)) {
            sb.append(" (").append(m.iface);
            if (!m.stateInterface.isEmpty() && !m.stateInterface.equals(m.iface)) {
                sb.append(" from ").append(m.stateInterface);
            }
            sb.append(')');
        }
        if (m.penalty != 0) {
            sb.append(" with penalty ").append(m.penalty);
        }
        sb.append(" (ringinuse ").append(c.ringInUse() ? "enabled" : "disabled").append(") (dynamic)");
        if (m.paused) {
            sb.append(" (paused").append(m.pausedReason.isEmpty() ? "" : ":" + m.pausedReason)
                    .append(" was ").append(now - m.lastPause).append(" secs ago)");
        }
        if (m.inCall) {
            sb.append(" (in call)");
        }
        sb.append(" (").append(m.status >= 0 && m.status < DEVSTATE_TEXT.length ? DEVSTATE_TEXT[m.status] : "Unknown").append(')');
        if (m.callsTaken > 0) {
            sb.append(" has taken ").append(m.callsTaken).append(" calls (last was ").append(now - m.lastCall).append(" secs ago)");
        } else {
            sb.append(" has taken no calls yet");
        }
        return sb.append(" (login was ").append(now - m.loginTime).append(" secs ago)").toString();
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
