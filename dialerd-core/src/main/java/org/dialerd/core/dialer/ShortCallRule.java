package org.dialerd.core.dialer;

import org.dialerd.core.settings.DaemonSettings;

/**
 * dialer.llamada_corta: an answered call whose talk time is shorter than this many seconds
 * ends as ShortCall (hung up on the agent, wrong person, answering machine) instead of
 * Success, and stays out of the talk-time statistics. 0 disables the rule.
 */
public record ShortCallRule(long thresholdSeconds) {
    public ShortCallRule {
        if (thresholdSeconds < 0) {
            throw new IllegalArgumentException("thresholdSeconds must not be negative: " + thresholdSeconds);
        }
    }

    public static ShortCallRule of(DaemonSettings settings) {
        return new ShortCallRule(settings.shortCallSeconds());
    }

    public boolean isShort(long talkSeconds) {
        return talkSeconds < thresholdSeconds;
    }

    /** The final status of a call an agent answered and that has now ended. */
    public CallStatus finalStatus(long talkSeconds) {
        return isShort(talkSeconds) ? CallStatus.SHORT_CALL : CallStatus.SUCCESS;
    }
}
