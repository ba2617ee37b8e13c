package org.dialerd.core.metrics;

/**
 * Where a call dialerd follows stands now, for the live-calls gauge. The words follow the
 * callprogress statuses: Placing/Dialing → dialing, Ringing → ringing (Asterisk reported the
 * campaign call answered, not yet in the queue), OnQueue → queued, Success/OffHold → talking,
 * OnHold → onhold.
 */
public enum CallPhase {
    DIALING("dialing"),
    RINGING("ringing"),
    QUEUED("queued"),
    TALKING("talking"),
    ON_HOLD("onhold");

    private final String label;

    CallPhase(String label) {
        this.label = label;
    }

    /** The value of the {@code phase} label. */
    public String label() {
        return label;
    }
}
