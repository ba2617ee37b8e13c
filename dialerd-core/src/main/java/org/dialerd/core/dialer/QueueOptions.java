package org.dialerd.core.dialer;

import java.time.Duration;
import java.util.Objects;

/**
 * dialerd's own options of one Asterisk queue, from {@code dialerd_queue_options}. A queue
 * without a row gets {@link #DEFAULTS}.
 *
 * @param wrapup after-call work after each call taken from this queue (zero: none); a campaign's
 *               own non-zero wrap-up wins for its calls
 */
public record QueueOptions(Duration wrapup) {
    public static final QueueOptions DEFAULTS = new QueueOptions(Duration.ZERO);

    public QueueOptions {
        Objects.requireNonNull(wrapup, "wrapup");
        if (wrapup.isNegative()) {
            throw new IllegalArgumentException("wrapup_seconds must not be negative: " + wrapup);
        }
    }
}
