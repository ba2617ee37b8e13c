package org.dialerd.core.dialer;

/**
 * A queue member's device state as Asterisk reports it ({@code QueueMember} event
 * {@code Status}: 0 unknown .. 8 on hold).
 */
public enum MemberState {
    UNKNOWN, NOT_INUSE, INUSE, BUSY, INVALID, UNAVAILABLE, RINGING, RINGINUSE, ONHOLD;

    /** The state behind Asterisk's numeric {@code Status}; out-of-range numbers are UNKNOWN. */
    public static MemberState fromQueueStatus(int status) {
        MemberState[] all = values();
        return status >= 0 && status < all.length ? all[status] : UNKNOWN;
    }

    /**
     * Free for the reference: idle, or ringing. A ringing member is being offered a call that
     * is still counted as waiting in the queue, so the two cancel out in the formula.
     */
    public boolean countsAsFree() {
        return this == NOT_INUSE || this == RINGING;
    }

    /** On a call, so possibly "about to be free". */
    public boolean isOnCall() {
        return this == INUSE || this == BUSY || this == RINGINUSE || this == ONHOLD;
    }
}
