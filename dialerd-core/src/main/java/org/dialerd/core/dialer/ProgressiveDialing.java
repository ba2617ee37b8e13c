package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Progressive dialing: one call per free agent, never more. The calls already answered and
 * waiting, the originates still ringing and the scheduled calls each hold a free agent, so
 * calls in flight never outnumber the free agents; no prediction, no overcommit, no
 * {@code dialer.forzar_sobrecolocar}. It cannot abandon a call unless an agent leaves.
 */
public final class ProgressiveDialing {
    private ProgressiveDialing() {
    }

    public static DialDecision decide(DialRound round) {
        DialerSnapshot s = round.snapshot();
        List<String> reasons = new ArrayList<>();
        int free = freeAgents(s);
        int demand = free - s.waitingInQueue() - s.pendingOriginates() - s.scheduledCalls();
        reasons.add("progressive: " + free + " free - " + s.waitingInQueue() + " waiting - " + s.pendingOriginates()
                + " originating - " + s.scheduledCalls() + " scheduled = " + demand);
        int calls = Math.max(0, demand);
        int capped = capToChannels(s, calls, reasons);
        return new DialDecision(free, 0, demand, OptionalDouble.empty(), calls, capped, reasons);
    }

    /** Members not paused whose state counts as free (as the reference counts them). */
    static int freeAgents(DialerSnapshot s) {
        int free = 0;
        for (QueueMember member : s.members()) {
            if (!member.paused() && member.state().countsAsFree()) {
                free++;
            }
        }
        return free;
    }

    /** max_canales as the reference applies it: a limit on the campaign's concurrent channels. */
    static int capToChannels(DialerSnapshot s, int calls, List<String> reasons) {
        if (s.maxChannels() <= 0) {
            return calls;
        }
        long left = Math.max(0, s.maxChannels() - s.channelsInUse());
        if (calls <= left) {
            return calls;
        }
        reasons.add("max_canales " + s.maxChannels() + " with " + s.channelsInUse() + " in use: capped to " + left);
        return (int) left;
    }
}
