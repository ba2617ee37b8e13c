package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The reference outgoing dialer's decision (eccp-supplement.md, "How the reference outgoing
 * dialer decides"), reproduced rule for rule so dialerd dials as the PHP daemon did before it
 * tries to dial better. See docs/dialer.md for the formulas.
 */
public final class Predictor {
    /** Completed calls needed before talk-time predictions are trusted. */
    public static final int MIN_COMPLETED_FOR_PREDICTION = 10;
    /** Recent calls needed before the answer rate is trusted. */
    public static final int MIN_PLACED_FOR_OVERCOMMIT = 10;
    /** The answer rate is never taken below this, which caps overcommit at 5 calls per agent. */
    public static final double MIN_ANSWER_RATE = 0.20;

    private Predictor() {
    }

    public static DialDecision decide(DialerSnapshot s) {
        List<String> reasons = new ArrayList<>();
        int free = 0;
        int aboutToBeFree = 0;
        boolean predict = canPredict(s, reasons);
        for (QueueMember member : s.members()) {
            if (member.paused()) {
                continue;
            }
            if (member.state().countsAsFree()) {
                free++;
            } else if (predict && member.state().isOnCall() && freeProbability(s, member) >= s.settings().qos()) {
                aboutToBeFree++;
            }
        }
        // dialer.forzar_sobrecolocar (the reference fork that added it): extra calls whenever at least
        // one agent is free for a new call; calls still originating are subtracted after it, so the
        // extra calls in flight stay at that number instead of growing every round.
        int forFree = free + aboutToBeFree - s.waitingInQueue();
        int extra = forFree > 0 ? s.settings().extraCalls() : 0;
        int demand = forFree + extra - s.pendingOriginates() - s.scheduledCalls();
        reasons.add(free + " free + " + aboutToBeFree + " about to be free - " + s.waitingInQueue()
                + " waiting" + (extra > 0 ? " + " + extra + " forced" : "") + " - " + s.pendingOriginates()
                + " originating - " + s.scheduledCalls() + " scheduled = " + demand);
        int calls = Math.max(0, demand);

        OptionalDouble rate = OptionalDouble.empty();
        if (calls > 0 && s.settings().overcommit()) {
            if (s.recentPlaced() >= MIN_PLACED_FOR_OVERCOMMIT) {
                double r = Math.max(MIN_ANSWER_RATE, (double) s.recentAnswered() / s.recentPlaced());
                rate = OptionalDouble.of(r);
                // Floor: one call too few costs an agent a few idle seconds, one too many may
                // cost an abandoned customer. The epsilon keeps 3 / 0.75 at 4, not 3.9999.
                calls = (int) Math.floor(calls / r + 1e-9);
                reasons.add(String.format(Locale.ROOT, "overcommit: answer rate %.2f -> %d", r, calls));
            } else {
                reasons.add("overcommit: only " + s.recentPlaced() + " recent calls, not applied");
            }
        }
        int beforeCap = calls;
        if (s.maxChannels() > 0) {
            long left = Math.max(0, s.maxChannels() - s.channelsInUse());
            if (calls > left) {
                calls = (int) left;
                reasons.add("max_canales " + s.maxChannels() + " with " + s.channelsInUse() + " in use: capped to "
                        + calls);
            }
        }
        return new DialDecision(free, aboutToBeFree, demand, rate, beforeCap, calls, reasons);
    }

    /**
     * P = 1 - e^(-(avg_answer + t) / mean_duration): the chance, for exponentially distributed
     * talk times, that a call does not outlast t plus the time a new call takes to be answered.
     */
    static double freeProbability(DialerSnapshot s, QueueMember member) {
        double mean = s.talkStats().mean();
        return 1 - Math.exp(-(s.meanAnswerSeconds() + member.talkSeconds()) / mean);
    }

    private static boolean canPredict(DialerSnapshot s, List<String> reasons) {
        if (!s.settings().predictive()) {
            reasons.add("predictive off");
            return false;
        }
        if (s.talkStats().count() < MIN_COMPLETED_FOR_PREDICTION) {
            reasons.add("predictive: only " + s.talkStats().count() + " completed calls");
            return false;
        }
        if (s.talkStats().mean() <= 0) {
            // A zero mean would make every busy agent "free"; no data is better than that.
            reasons.add("predictive: mean talk time is 0");
            return false;
        }
        return true;
    }
}
