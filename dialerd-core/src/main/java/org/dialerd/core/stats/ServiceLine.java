package org.dialerd.core.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/** The live counters of one service line. Not thread-safe: {@link LiveStats} guards it. */
final class ServiceLine {
    static final int WINDOW_MINUTES = 15;

    private final LineKey key;
    private final int serviceLevelSeconds;
    /** Calls waiting in the queue, oldest first, with the time each entered. */
    private final LinkedHashMap<Long, LocalDateTime> waiting = new LinkedHashMap<>();
    /** Calls an agent took, with the time the agent took each. */
    private final Map<Long, LocalDateTime> linked = new HashMap<>();
    /** One window per minute that saw activity, oldest first, the last {@value WINDOW_MINUTES} kept. */
    private final ArrayDeque<Minute> minutes = new ArrayDeque<>();
    private final LocalDateTime started;
    private LocalDate day;
    private Window today = Window.EMPTY;

    private record Minute(LocalDateTime start, Window window) {
    }

    ServiceLine(LineKey key, int serviceLevelSeconds, LocalDateTime started) {
        this.key = key;
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.started = started;
        this.day = started.toLocalDate();
    }

    void placed(LocalDateTime when) {
        count(when, Window::place);
    }

    void entered(long callId, LocalDateTime when) {
        waiting.put(callId, when);
        count(when, Window::offer);
    }

    /** An agent took the call. A call that entered before dialerd started is not counted as answered. */
    void answered(long callId, LocalDateTime when) {
        LocalDateTime entered = waiting.remove(callId);
        linked.put(callId, when);
        if (entered != null) {
            long waited = seconds(entered, when);
            count(when, w -> w.answer(waited, waited <= serviceLevelSeconds));
        }
    }

    void abandoned(long callId, LocalDateTime when) {
        if (waiting.remove(callId) != null) {
            count(when, Window::abandon);
        }
    }

    void failed(long callId, LocalDateTime when) {
        waiting.remove(callId);
        count(when, Window::fail);
    }

    /** The call is over (Hangup): its handle time counts when an agent had it. */
    void ended(long callId, LocalDateTime when) {
        waiting.remove(callId);
        LocalDateTime linkedAt = linked.remove(callId);
        if (linkedAt != null) {
            long handle = seconds(linkedAt, when);
            count(when, w -> w.handle(handle));
        }
    }

    /** The after-call work of a call handled here: its seconds join the handle time. */
    void wrappedUp(long seconds, LocalDateTime when) {
        count(when, w -> w.afterCallWork(seconds));
    }

    LineSnapshot snapshot(LocalDateTime now) {
        roll(now);
        LocalDateTime oldest = waiting.isEmpty() ? null : waiting.values().iterator().next();
        Window last15 = Window.EMPTY;
        LocalDateTime from = minuteOf(now).minusMinutes(WINDOW_MINUTES - 1);
        for (Minute minute : minutes) {
            if (!minute.start.isBefore(from)) {
                last15 = last15.plus(minute.window);
            }
        }
        long spanSeconds = Math.max(1, Math.min(WINDOW_MINUTES * 60L, seconds(started, now)));
        OptionalDouble estimate = last15.answered() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((waiting.size() + 1) * (double) spanSeconds / last15.answered());
        return new LineSnapshot(key, waiting.size(), oldest == null ? 0 : seconds(oldest, now), estimate,
                serviceLevelSeconds, last15, today);
    }

    boolean isIdle() {
        return waiting.isEmpty() && linked.isEmpty();
    }

    private void count(LocalDateTime when, UnaryOperator<Window> change) {
        roll(when);
        today = change.apply(today);
        LocalDateTime start = minuteOf(when);
        Minute last = minutes.peekLast();
        if (last != null && last.start.equals(start)) {
            minutes.pollLast();
            minutes.addLast(new Minute(start, change.apply(last.window)));
        } else {
            minutes.addLast(new Minute(start, change.apply(Window.EMPTY)));
        }
    }

    /** Drops minutes out of the window and starts a new day at midnight. */
    private void roll(LocalDateTime now) {
        LocalDateTime from = minuteOf(now).minusMinutes(WINDOW_MINUTES - 1);
        while (!minutes.isEmpty() && minutes.peekFirst().start.isBefore(from)) {
            minutes.pollFirst();
        }
        if (now.toLocalDate().isAfter(day)) {
            day = now.toLocalDate();
            today = Window.EMPTY;
            // A call that waited or talked across a whole day lost its end event somewhere.
            LocalDateTime stale = now.minusHours(12);
            dropOlderThan(waiting, stale);
            dropOlderThan(linked, stale);
        }
    }

    private static void dropOlderThan(Map<Long, LocalDateTime> calls, LocalDateTime limit) {
        for (Iterator<LocalDateTime> it = calls.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static LocalDateTime minuteOf(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES);
    }

    private static long seconds(LocalDateTime from, LocalDateTime to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
