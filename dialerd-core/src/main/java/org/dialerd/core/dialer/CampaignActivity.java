package org.dialerd.core.dialer;

import java.util.Optional;

/** Why an outgoing campaign is, or is not, dialled at a given instant. */
public enum CampaignActivity {
    /** estatus 'A', inside its dates and its daily hours: dial. */
    ACTIVE(null),
    /** estatus is not 'A' (inactive 'I' or finished 'T'): never dialled. */
    NOT_ACTIVE(null),
    /** Today is before datetime_init. */
    NOT_STARTED(null),
    /** Inside its dates but outside daytime_init..daytime_end; it will come back tomorrow. */
    OUTSIDE_HOURS(null),
    /** Today is after datetime_end: the reference turns it inactive so nobody waits on it. */
    EXPIRED("I");

    private final String newStatus;

    CampaignActivity(String newStatus) {
        this.newStatus = newStatus;
    }

    /** The {@code campaign.estatus} the wiring must write, if this verdict changes it. */
    public Optional<String> newStatus() {
        return Optional.ofNullable(newStatus);
    }
}
