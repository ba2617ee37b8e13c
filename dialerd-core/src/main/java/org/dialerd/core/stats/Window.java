package org.dialerd.core.stats;

/**
 * What happened on one service line (a queue or a campaign) over a span of time. Immutable:
 * the live counters build a new one per change, readers get a consistent picture.
 *
 * @param offered calls that entered the queue (incoming: OnQueue; outgoing: answered and
 *                queued for an agent)
 * @param answered offered calls an agent took
 * @param answeredInTime answered within the line's service-level threshold
 * @param abandoned offered calls that hung up before an agent took them
 * @param waitSeconds total wait of the answered calls, from entering the queue to the agent
 * @param handled calls an agent finished
 * @param handleSeconds total handle time of the handled calls: talk and hold, plus the after-call
 *                      work that followed (counted when the wrap-up ends)
 * @param placed outgoing calls the dialer placed
 * @param failed outgoing calls that never reached a person (Failure, NoAnswer)
 */
public record Window(long offered, long answered, long answeredInTime, long abandoned, long waitSeconds,
                     long handled, long handleSeconds, long placed, long failed) {
    public static final Window EMPTY = new Window(0, 0, 0, 0, 0, 0, 0, 0, 0);

    Window plus(Window other) {
        return new Window(offered + other.offered, answered + other.answered, answeredInTime + other.answeredInTime,
                abandoned + other.abandoned, waitSeconds + other.waitSeconds, handled + other.handled,
                handleSeconds + other.handleSeconds, placed + other.placed, failed + other.failed);
    }

    Window offer() {
        return new Window(offered + 1, answered, answeredInTime, abandoned, waitSeconds, handled, handleSeconds,
                placed, failed);
    }

    Window answer(long waitedSeconds, boolean inTime) {
        return new Window(offered, answered + 1, answeredInTime + (inTime ? 1 : 0), abandoned,
                waitSeconds + waitedSeconds, handled, handleSeconds, placed, failed);
    }

    Window abandon() {
        return new Window(offered, answered, answeredInTime, abandoned + 1, waitSeconds, handled, handleSeconds,
                placed, failed);
    }

    Window handle(long seconds) {
        return new Window(offered, answered, answeredInTime, abandoned, waitSeconds, handled + 1,
                handleSeconds + seconds, placed, failed);
    }

    Window afterCallWork(long seconds) {
        return new Window(offered, answered, answeredInTime, abandoned, waitSeconds, handled,
                handleSeconds + seconds, placed, failed);
    }

    Window place() {
        return new Window(offered, answered, answeredInTime, abandoned, waitSeconds, handled, handleSeconds,
                placed + 1, failed);
    }

    Window fail() {
        return new Window(offered, answered, answeredInTime, abandoned, waitSeconds, handled, handleSeconds,
                placed, failed + 1);
    }

    /**
     * Share of the calls that ended their wait (answered or abandoned) that an agent took
     * within the threshold; empty when no wait has ended.
     */
    public java.util.OptionalDouble serviceLevel() {
        long ended = answered + abandoned;
        return ended == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of((double) answeredInTime / ended);
    }

    /** Abandoned share of the calls whose wait ended; empty when none did. */
    public java.util.OptionalDouble abandonRate() {
        long ended = answered + abandoned;
        return ended == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) abandoned / ended);
    }

    /** Average speed of answer in seconds; empty before the first answer. */
    public java.util.OptionalDouble averageSpeedOfAnswer() {
        return answered == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of((double) waitSeconds / answered);
    }

    /** Average handle time in seconds; empty before the first handled call. */
    public java.util.OptionalDouble averageHandleTime() {
        return handled == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of((double) handleSeconds / handled);
    }
}
