package org.dialerd.core.engine;

import org.dialerd.core.dialer.CallStatus;

/**
 * How a campaign call that was never answered ends: its status (NoAnswer or Failure), the
 * cause number and text written to {@code calls.failure_cause}/{@code failure_cause_txt}.
 */
record OriginateFailure(CallStatus status, int cause, String text) {
    /** {@code failure_cause_txt} is VARCHAR(32). */
    static final int TEXT_COLUMN = 32;

    OriginateFailure {
        text = text.length() > TEXT_COLUMN ? text.substring(0, TEXT_COLUMN) : text;
    }

    /** From OriginateResponse's Reason: 5 busy, 3 no answer, 8 congestion, anything else failed. */
    static OriginateFailure of(int reason) {
        return switch (reason) {
            case 5 -> new OriginateFailure(CallStatus.FAILURE, 17, "User busy");
            case 3 -> new OriginateFailure(CallStatus.NO_ANSWER, 19, "No answer");
            case 8 -> new OriginateFailure(CallStatus.FAILURE, 34, "Congestion");
            default -> new OriginateFailure(CallStatus.FAILURE, 0, "Failed");
        };
    }

    /** Failed without a reason from Asterisk, as {@code text} says. */
    static OriginateFailure failed(String text) {
        return new OriginateFailure(CallStatus.FAILURE, 0, text);
    }

    /**
     * From the Hangup of the call's channel when its OriginateResponse never came: Q.850 cause
     * 18/19 (no user responding / no answer) is NoAnswer, anything else Failure with that cause.
     */
    static OriginateFailure ofHangup(int cause, String causeText) {
        // A Local channel's ;1 half hangs up with cause 0 whatever the far end said (trace 05).
        boolean unknown = causeText == null || causeText.isEmpty() || cause == 0 && causeText.equals("Unknown");
        String text = unknown ? "Hangup without OriginateResponse" : causeText;
        return new OriginateFailure(cause == 18 || cause == 19 ? CallStatus.NO_ANSWER : CallStatus.FAILURE, cause,
                text);
    }
}
