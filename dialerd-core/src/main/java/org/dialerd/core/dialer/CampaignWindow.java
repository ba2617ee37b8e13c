package org.dialerd.core.dialer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When an outgoing campaign may dial: {@code campaign.datetime_init..datetime_end} (DATE
 * columns despite their names, both inclusive) and {@code daytime_init..daytime_end} (a
 * {@link DailyWindow}, which may cross midnight).
 *
 * <p>The dates are checked against the calendar date of {@code now}, as the reference does:
 * a 22:00-06:00 campaign ending on the 10th does not dial at 01:00 on the 11th, and that
 * night it is {@link CampaignActivity#EXPIRED}.
 */
public record CampaignWindow(LocalDate startDate, LocalDate endDate, DailyWindow daily) {
    /** The estatus letter of a campaign that may be dialled. */
    public static final String ACTIVE_STATUS = "A";

    public CampaignWindow {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(daily, "daily");
    }

    /** @param status the raw {@code campaign.estatus} */
    public CampaignActivity activity(String status, LocalDateTime now) {
        if (!ACTIVE_STATUS.equals(status)) {
            return CampaignActivity.NOT_ACTIVE;
        }
        LocalDate today = now.toLocalDate();
        if (today.isAfter(endDate)) {
            return CampaignActivity.EXPIRED;
        }
        if (today.isBefore(startDate)) {
            return CampaignActivity.NOT_STARTED;
        }
        return daily.contains(now.toLocalTime()) ? CampaignActivity.ACTIVE : CampaignActivity.OUTSIDE_HOURS;
    }
}
