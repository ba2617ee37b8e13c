package org.dialerd.core.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** The engine thread under test control: tasks run when the test says, on virtual time. */
final class ManualScheduler implements EngineScheduler {
    private record Timed(long at, Runnable task, boolean[] cancelled) {}

    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final List<Timed> timers = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized void execute(Runnable command) {
        ready.add(command);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timed(nowMillis + delay.toMillis(), task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every ready task, including the ones they post. */
    void runUntilIdle() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = ready.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Moves virtual time on, firing due timers in order. */
    void advance(Duration duration) {
        long target = nowMillis + duration.toMillis();
        runUntilIdle();
        while (true) {
            Timed due;
            synchronized (this) {
                due = timers.stream().filter(t -> t.at() <= target).min(Comparator.comparingLong(Timed::at))
                        .orElse(null);
                if (due == null) {
                    nowMillis = target;
                    return;
                }
                timers.remove(due);
                nowMillis = due.at();
            }
            if (!due.cancelled()[0]) {
                due.task().run();
            }
            runUntilIdle();
        }
    }
}
