package org.dialerd.core.dialer;

/**
 * A campaign's talk-time statistics ({@code campaign.num_completadas, promedio, desviacion}),
 * updated one finished call at a time with Welford's method so no history is needed and the
 * sum of squares never loses precision.
 *
 * <p>The columns are integers: {@link #meanColumn()} and {@link #deviationColumn()} round half
 * up to whole seconds. The deviation is the sample deviation (divides by n - 1; 0 below two
 * calls). Rebuilding from the columns ({@link #fromColumns}) starts from those rounded values,
 * so the engine should keep its {@code RunningStats} in memory and only write the rounded
 * figures, reading the columns once at start.
 *
 * <p>Only calls ending {@link CallStatus#SUCCESS} count: a ShortCall, failed, unanswered or
 * abandoned call says nothing about how long agents talk.
 *
 * @param m2 sum of squared differences from the mean (Welford's M2)
 */
public record RunningStats(long count, double mean, double m2) {
    public static final RunningStats EMPTY = new RunningStats(0, 0, 0);

    public RunningStats {
        if (count < 0 || mean < 0 || m2 < 0) {
            throw new IllegalArgumentException("count, mean and m2 must not be negative");
        }
    }

    /** From the columns; any of them NULL or no completed call means no statistics yet. */
    public static RunningStats fromColumns(Long completed, Long meanSeconds, Long deviationSeconds) {
        if (completed == null || completed <= 0 || meanSeconds == null) {
            return EMPTY;
        }
        double deviation = deviationSeconds == null ? 0 : deviationSeconds;
        return new RunningStats(completed, meanSeconds, deviation * deviation * (completed - 1));
    }

    /** Adds one completed call's talk time. */
    public RunningStats plus(double talkSeconds) {
        long n = count + 1;
        double delta = talkSeconds - mean;
        double newMean = mean + delta / n;
        return new RunningStats(n, newMean, m2 + delta * (talkSeconds - newMean));
    }

    /** The statistics after a call ended with {@code status}; unchanged unless it is Success. */
    public RunningStats afterCall(CallStatus status, long talkSeconds) {
        return status == CallStatus.SUCCESS ? plus(talkSeconds) : this;
    }

    public double deviation() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }

    public long meanColumn() {
        return Math.round(mean);
    }

    public long deviationColumn() {
        return Math.round(deviation());
    }
}
