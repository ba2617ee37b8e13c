package org.dialerd.sim.clock;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Virtual time for the PBX. Nothing in the simulator sleeps: every delay (a phone ringing, a queue
 * timeout, a call's talk time) is a task here, run when someone advances the clock. Tasks due at
 * the same instant run in the order they were scheduled, which makes runs reproducible.
 *
 * <p>Not thread-safe on purpose: only the engine thread touches it.
 */
public final class VirtualScheduler {

    /** {@link #nextDueMillis()} when nothing is scheduled. */
    public static final long NOTHING_DUE = Long.MAX_VALUE;

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowMillis;
    private long seq;
    private Runnable beforeTimeMoves = () -> { };

    /** Runs just before the clock moves to a later instant (the engine releases that instant's events). */
    public void beforeTimeMoves(Runnable hook) {
        this.beforeTimeMoves = hook;
    }

    /** Milliseconds since the simulator started. */
    public long nowMillis() {
        return nowMillis;
    }

    public Timer schedule(Duration delay, Runnable action) {
        return scheduleAt(nowMillis + Math.max(0, delay.toMillis()), action);
    }

    public Timer schedule(long delayMillis, Runnable action) {
        return scheduleAt(nowMillis + Math.max(0, delayMillis), action);
    }

    public Timer scheduleAt(long atMillis, Runnable action) {
        Task t = new Task(Math.max(atMillis, nowMillis), seq++, action);
        queue.add(t);
        return t;
    }

    /** Runs everything already due (used after each action, so zero-delay work happens at once). */
    public void runDue() {
        advanceTo(nowMillis);
    }

    /** Moves time forward to {@code target}, running due tasks in time order. */
    public void advanceTo(long targetMillis) {
        while (true) {
            Task t = queue.peek();
            if (t == null || t.at > targetMillis) {
                break;
            }
            if (t.at > nowMillis) {
                beforeTimeMoves.run();
                if (queue.peek() != t) {
                    continue; // the hook scheduled work for now: it runs first
                }
            }
            queue.poll();
            if (t.cancelled) {
                continue;
            }
            nowMillis = Math.max(nowMillis, t.at);
            t.action.run();
        }
        if (targetMillis > nowMillis) {
            beforeTimeMoves.run();
        }
        nowMillis = Math.max(nowMillis, targetMillis);
    }

    /**
     * The virtual time of the earliest task still to run, or {@link #NOTHING_DUE} when none is
     * scheduled (cancelled tasks at the head are dropped on the way): where a real-time driver
     * sleeps until.
     */
    public long nextDueMillis() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        Task t = queue.peek();
        return t == null ? NOTHING_DUE : t.at;
    }

    public int pending() {
        int n = 0;
        for (Task t : queue) {
            if (!t.cancelled) {
                n++;
            }
        }
        return n;
    }

    /** Handle to cancel a scheduled task (a phone that stops ringing because the caller left). */
    public interface Timer {
        void cancel();
    }

    private static final class Task implements Comparable<Task>, Timer {
        final long at;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Task(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
