package org.dialerd.sim.pbx;

import java.time.Duration;

/**
 * What a simulated SIP/PJSIP phone does when called: answer after a delay (and optionally hang
 * up after talking), stay busy, be unreachable, or ring forever.
 */
public record PhoneBehaviour(Mode mode, Duration answerAfter, Duration hangupAfter) {

    public enum Mode { ANSWER, BUSY, UNAVAILABLE, NO_ANSWER }

    public PhoneBehaviour {
        if (mode == null || answerAfter == null || answerAfter.isNegative()) {
            throw new IllegalArgumentException("phone behaviour needs a mode and a non-negative answer delay");
        }
    }

    public static PhoneBehaviour answersAfter(Duration delay) {
        return new PhoneBehaviour(Mode.ANSWER, delay, null);
    }

    public static PhoneBehaviour answersAfter(Duration delay, Duration talk) {
        return new PhoneBehaviour(Mode.ANSWER, delay, talk);
    }

    public static PhoneBehaviour busy() {
        return new PhoneBehaviour(Mode.BUSY, Duration.ZERO, null);
    }

    public static PhoneBehaviour unavailable() {
        return new PhoneBehaviour(Mode.UNAVAILABLE, Duration.ZERO, null);
    }

    public static PhoneBehaviour noAnswer() {
        return new PhoneBehaviour(Mode.NO_ANSWER, Duration.ZERO, null);
    }
}
