package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The calls whose outcome came in the last {@link #WINDOW} (the reference's window for the
 * answer rate the predictor's overcommit uses). The answered count is kept as calls come and
 * go, not recounted every round: at 200 calls a second the window holds 360,000 calls.
 */
final class RecentCalls {
    static final Duration WINDOW = Duration.ofMinutes(30);

    private record Outcome(LocalDateTime when, boolean answered) {}

    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private int answered;

    void add(LocalDateTime when, boolean wasAnswered) {
        outcomes.addLast(new Outcome(when, wasAnswered));
        answered += wasAnswered ? 1 : 0;
    }

    /** Forgets the outcomes older than the window. */
    void prune(LocalDateTime now) {
        LocalDateTime since = now.minus(WINDOW);
        while (!outcomes.isEmpty() && outcomes.peekFirst().when().isBefore(since)) {
            answered -= outcomes.pollFirst().answered() ? 1 : 0;
        }
    }

    int placed() {
        return outcomes.size();
    }

    int answered() {
        return answered;
    }
}
