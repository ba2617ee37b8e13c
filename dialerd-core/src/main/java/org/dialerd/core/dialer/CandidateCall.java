package org.dialerd.core.dialer;

import java.util.Objects;

/**
 * What the candidate rules need of a {@code calls} row.
 *
 * @param status   raw {@code calls.status}, nullable (never tried)
 * @param forAgent {@code calls.agent IS NOT NULL}: a call scheduled for one agent, dialled by
 *                 the scheduled-call path (context {@code llamada_agendada}), never by this one
 * @param window   the call's own date/time window
 */
public record CandidateCall(long id, String phone, String status, long retries, boolean dnc, boolean forAgent,
                            CallWindow window) {
    public CandidateCall {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(window, "window");
    }

    /** A never-tried call with no window, the common row of a freshly loaded campaign. */
    public static CandidateCall fresh(long id, String phone) {
        return new CandidateCall(id, phone, null, 0, false, false, CallWindow.NONE);
    }
}
