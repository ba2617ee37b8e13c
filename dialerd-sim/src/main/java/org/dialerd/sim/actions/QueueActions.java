package org.dialerd.sim.actions;

import java.util.List;
import java.util.Map;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.Queue;
import org.dialerd.sim.pbx.QueueView;
import org.dialerd.sim.pbx.Queues;

/** QueueAdd, QueueRemove, QueuePause, QueuePenalty, QueueStatus, QueueSummary. */
final class QueueActions {

    private QueueActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("queueadd", QueueActions::add);
        m.put("queueremove", QueueActions::remove);
        m.put("queuepause", QueueActions::pause);
        m.put("queuepenalty", QueueActions::penalty);
        m.put("queuestatus", QueueActions::status);
        m.put("queuesummary", QueueActions::summary);
    }

    static void add(ActionContext ctx) {
        String queue = ctx.header("Queue");
        String iface = ctx.header("Interface");
        if (queue.isEmpty() || iface.isEmpty()) {
            ctx.error("'Queue' and 'Interface' not set.");
            return;
        }
        int penalty = ctx.header("Penalty").isEmpty() ? 0 : Integer.parseInt(ctx.header("Penalty"));
        // The response goes out first: app_queue publishes the member events after answering.
        Queues queues = ctx.pbx().queues();
        if (queues.find(queue).isEmpty()) {
            ctx.error("Unable to add interface to queue: No such queue");
            return;
        }
        if (queues.find(queue).get().member(iface).isPresent()) {
            ctx.error("Unable to add interface: Already there");
            return;
        }
        ctx.success("Added interface to queue");
        queues.add(queue, iface, ctx.header("MemberName"), ctx.header("StateInterface"), penalty,
                ctx.isTrue("Paused"), ctx.header("Reason"));
    }

    static void remove(ActionContext ctx) {
        Queues queues = ctx.pbx().queues();
        String iface = ctx.header("Interface");
        boolean there = queues.find(ctx.header("Queue")).flatMap(q -> q.member(iface)).isPresent();
        if (!there) {
            ctx.error("Unable to remove interface: Not there");
            return;
        }
        ctx.success("Removed interface from queue");
        queues.remove(ctx.header("Queue"), iface);
    }

    static void pause(ActionContext ctx) {
        boolean paused = ctx.isTrue("Paused");
        String iface = ctx.header("Interface");
        if (iface.isEmpty()) {
            ctx.error("Need 'Interface' and 'Paused' parameters.");
            return;
        }
        Queues queues = ctx.pbx().queues();
        boolean exists = queues.inOrder().stream().anyMatch(q -> q.member(iface).isPresent()
                && (ctx.header("Queue").isEmpty() || q.name().equals(ctx.header("Queue"))));
        if (!exists) {
            ctx.error("Interface not found");
            return;
        }
        ctx.success(paused ? "Interface paused successfully" : "Interface unpaused successfully");
        queues.pause(ctx.header("Queue"), iface, paused, ctx.header("Reason"));
    }

    static void penalty(ActionContext ctx) {
        String p = ctx.header("Penalty");
        if (p.isEmpty()) {
            ctx.error("No penalty specified");
            return;
        }
        boolean ok = ctx.pbx().queues().inOrder().stream().anyMatch(q -> q.member(ctx.header("Interface")).isPresent());
        if (!ok) {
            ctx.error("Invalid interface, queuename or penalty");
            return;
        }
        ctx.success("Interface penalty set successfully");
        ctx.pbx().queues().penalty(ctx.header("Queue"), ctx.header("Interface"), Integer.parseInt(p));
    }

    static void status(ActionContext ctx) {
        String filter = ctx.header("Queue");
        String member = ctx.header("Member");
        ctx.listStart("Queue status will follow");
        int n = 0;
        for (Queue q : selected(ctx, filter)) {
            for (AmiMessage.Builder b : QueueView.status(ctx.pbx(), q, member)) {
                ctx.listItem(b);
                n++;
            }
        }
        ctx.listComplete("QueueStatusComplete", n);
    }

    static void summary(ActionContext ctx) {
        ctx.listStart("Queue summary will follow");
        int n = 0;
        for (Queue q : selected(ctx, ctx.header("Queue"))) {
            ctx.listItem(QueueView.summary(ctx.pbx(), q));
            n++;
        }
        ctx.listComplete("QueueSummaryComplete", n);
    }

    private static List<Queue> selected(ActionContext ctx, String filter) {
        return ctx.pbx().queues().inOrder().stream().filter(q -> filter.isEmpty() || q.name().equals(filter)).toList();
    }
}
