package org.dialerd.core.dialer;

import org.dialerd.core.settings.DaemonSettings;

/**
 * dialer.llamada_corta: an answered outgoing call whose talk time with the agent is shorter than
 * this many seconds ends as ShortCall (hung up on the agent, wrong person, answering machine)
 * instead of Success, and stays out of the talk-time statistics; agentunlinked's shortcall says
 * so. 0 disables the rule. The rule follows the call type, as the reference does
 * (docs/protocol.md): an outgoing call the agent transferred is judged by its talk time up to the
 * transfer like any other; an incoming call, transferred or not, is never short (ShortCall is a
 * status of outgoing calls only, and the reference's flag is "the call ended ShortCall").
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
