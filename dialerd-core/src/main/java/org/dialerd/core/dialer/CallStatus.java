package org.dialerd.core.dialer;

import java.util.Optional;

/**
 * The {@code calls.status} vocabulary of outgoing calls (call-center-schema.md). A never-dialled
 * call has status NULL, which has no constant here: callers hold the raw column (nullable) or
 * an empty {@link Optional}.
 */
public enum CallStatus {
    PLACING("Placing"),
    RINGING("Ringing"),
    ON_QUEUE("OnQueue"),
    SUCCESS("Success"),
    ON_HOLD("OnHold"),
    FAILURE("Failure"),
    NO_ANSWER("NoAnswer"),
    ABANDONED("Abandoned"),
    SHORT_CALL("ShortCall"),
    HANGUP("Hangup");

    private final String wireName;

    CallStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value as stored in {@code calls.status}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Statuses that keep a call out of the candidate list: it is being dialled or talked to
     * right now (Placing, Ringing, OnQueue, OnHold) or it is done for good (Success).
     */
    public boolean blocksRedial() {
        return this == PLACING || this == RINGING || this == ON_QUEUE || this == ON_HOLD || this == SUCCESS;
    }

    /** Exact, case-sensitive match; an unknown word is empty (and, like NULL, does not block a redial). */
    public static Optional<CallStatus> fromWireName(String name) {
        for (CallStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
