package org.dialerd.core.dialer;

import java.util.Objects;

/**
 * One member of the campaign's queue at the instant of a decision.
 *
 * @param talkSeconds how long the member's current call has lasted; 0 when not on a call
 */
public record QueueMember(String name, MemberState state, boolean paused, long talkSeconds) {
    public QueueMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (talkSeconds < 0) {
            throw new IllegalArgumentException("talkSeconds must not be negative: " + talkSeconds);
        }
    }

    public static QueueMember idle(String name) {
        return new QueueMember(name, MemberState.NOT_INUSE, false, 0);
    }

    public static QueueMember talking(String name, long talkSeconds) {
        return new QueueMember(name, MemberState.INUSE, false, talkSeconds);
    }
}
