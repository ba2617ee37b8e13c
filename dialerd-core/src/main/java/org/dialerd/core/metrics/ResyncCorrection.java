package org.dialerd.core.metrics;

/**
 * What a resync with Asterisk set right in the engine's view, for the corrections counter:
 * a call Asterisk no longer has ended, an agent it no longer has logged out, an agent it has
 * logged in taken over, an agent's queues replaced by the ones it reports, a break started or
 * ended (or a stale hold pause lifted) as its pause state says.
 */
public enum ResyncCorrection {
    CALL_ENDED("call_ended"),
    AGENT_LOGGED_OUT("agent_logged_out"),
    AGENT_TAKEN_OVER("agent_taken_over"),
    MEMBERSHIP_UPDATED("membership_updated"),
    PAUSE_CORRECTED("pause_corrected");

    private final String label;

    ResyncCorrection(String label) {
        this.label = label;
    }

    /** The value of the {@code kind} label. */
    public String label() {
        return label;
    }
}
