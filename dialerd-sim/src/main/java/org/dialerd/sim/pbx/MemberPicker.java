package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Which members a queue call rings now, per strategy (ringall, rrmemory), honouring penalties. */
final class MemberPicker {

    private MemberPicker() {
    }

    static List<QueueMember> pick(Queue q) {
        List<QueueMember> order = q.membersInOrder();
        List<QueueMember> free = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (QueueMember m : order) {
            if (m.available() && !m.ringing && !m.inCall) {
                free.add(m);
                best = Math.min(best, m.penalty);
            }
        }
        final int minPenalty = best;
        free.removeIf(m -> m.penalty > minPenalty);
        if (free.isEmpty()) {
            return free;
        }
        if (q.config.strategy() == QueueConfig.Strategy.RINGALL) {
            // app_queue prepends each member to its outgoing list: ring order is reversed.
            Collections.reverse(free);
            return free;
        }
        for (int i = 0; i < order.size(); i++) {
            QueueMember m = order.get((q.rrpos + i) % order.size());
            if (free.contains(m)) {
                q.rrpos = (order.indexOf(m) + 1) % order.size();
                return List.of(m);
            }
        }
        return List.of(free.get(0));
    }
}
