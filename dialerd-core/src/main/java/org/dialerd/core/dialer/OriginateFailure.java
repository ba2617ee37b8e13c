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
}
