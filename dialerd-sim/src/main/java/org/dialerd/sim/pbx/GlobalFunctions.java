package org.dialerd.sim.pbx;

import java.util.Optional;

/**
 * Dialplan functions that Getvar can read without a channel: DEVICE_STATE(), QUEUE_MEMBER(),
 * QUEUE_WAITING_COUNT(). Anything else is a global variable.
 */
public final class GlobalFunctions {

    private GlobalFunctions() {
    }

    public static String read(Pbx pbx, String expr) {
        String arg = argument(expr);
        if (expr.startsWith("DEVICE_STATE(")) {
            return pbx.devices().state(arg);
        }
        if (expr.startsWith("QUEUE_WAITING_COUNT(")) {
            return pbx.queues().find(arg).map(q -> Integer.toString(q.callers.size())).orElse("0");
        }
        if (expr.startsWith("QUEUE_MEMBER(")) {
            String[] a = arg.split(",", -1);
            Optional<Queue> q = pbx.queues().find(a[0]);
            return q.isEmpty() || a.length < 2 ? "" : Integer.toString(count(q.get(), a[1]));
        }
        return pbx.globals().getOrDefault(expr, "");
    }

    /** app_queue's QUEUE_MEMBER(queue,option) counting options (status numbers as ast_device_state). */
    private static int count(Queue q, String option) {
        int n = 0;
        for (QueueMember m : q.members.values()) {
            boolean logged = m.status != 4 && m.status != 5;
            boolean free = (m.status == 0 || m.status == 1) && !m.paused;
            switch (option) {
                case "logged": n += logged ? 1 : 0; break;
                case "free", "ready": n += free ? 1 : 0; break;
                case "paused": n += m.paused ? 1 : 0; break;
                case "count": n++; break;
                default: break;
            }
        }
        return n;
    }

    private static String argument(String expr) {
        int open = expr.indexOf('(');
        return open < 0 || !expr.endsWith(")") ? "" : expr.substring(open + 1, expr.length() - 1);
    }
}
