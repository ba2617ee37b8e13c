package org.dialerd.core.dialer;

import java.util.Optional;

/**
 * How a campaign call that could not be placed is recorded, from OriginateResponse's Reason
 * (4 answered, 5 busy, 3 no answer, 8 congestion, 0 anything else): status NoAnswer for 3,
 * Failure otherwise, with the Q.850 cause and text Asterisk would give (busy 17 'User busy',
 * no answer 19, congestion 34) in calls.failure_cause / failure_cause_txt (32 characters).
 */
public record OriginateFailure(CallStatus status, int cause, String causeText) {
    static final int CAUSE_TEXT_LENGTH = 32;

    /** {@code detail}: what went wrong when Asterisk never got that far (the refused action's message). */
    public static OriginateFailure of(int reason, Optional<String> detail) {
        CallStatus status = reason == 3 ? CallStatus.NO_ANSWER : CallStatus.FAILURE;
        int cause = switch (reason) {
            case 5 -> 17;
            case 3 -> 19;
            case 8 -> 34;
            default -> 0;
        };
        String text = detail.orElse(switch (reason) {
            case 5 -> "User busy";
            case 3 -> "No answer";
            case 8 -> "Congestion";
            default -> "Failed";
        });
        return new OriginateFailure(status, cause,
                text.length() > CAUSE_TEXT_LENGTH ? text.substring(0, CAUSE_TEXT_LENGTH) : text);
    }

    /** Failed without a reason from Asterisk, as {@code text} says (refused, not sent, no response). */
    public static OriginateFailure failed(String text) {
        return of(0, Optional.of(text));
    }

    /**
     * From the Hangup of the call's channel when its OriginateResponse never came: Q.850 cause
     * 18/19 (no user responding / no answer) is NoAnswer, anything else Failure with that cause.
     */
    public static OriginateFailure ofHangup(int cause, String causeText) {
        // A Local channel's ;1 half hangs up with cause 0 whatever the far end said (trace 05).
        boolean unknown = causeText == null || causeText.isEmpty() || cause == 0 && causeText.equals("Unknown");
        String text = unknown ? "Hangup without OriginateResponse" : causeText;
        return new OriginateFailure(cause == 18 || cause == 19 ? CallStatus.NO_ANSWER : CallStatus.FAILURE, cause,
                text.length() > CAUSE_TEXT_LENGTH ? text.substring(0, CAUSE_TEXT_LENGTH) : text);
    }
}
