package org.dialerd.http.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.stats.AbandonFigures;
import org.dialerd.core.stats.AbandonRates;

/**
 * Abandoned calls by the 2-second rule per outgoing campaign, as gauges read at each scrape:
 * answered and abandoned calls and their rate (window {@code today} or {@code 30d}), and the
 * campaign's target rate. A campaign appears once it has an answered call in the last 30 days.
 */
final class AbandonGauges {
    private final AbandonRates rates;
    private final MultiGauge answered;
    private final MultiGauge abandoned;
    private final MultiGauge rate;
    private final MultiGauge target;

    AbandonGauges(MeterRegistry registry, AbandonRates rates) {
        this.rates = rates;
        this.answered = MultiGauge.builder("dialerd.campaign.answered.calls")
                .description("Campaign calls a person answered, by window (today, 30d)").register(registry);
        this.abandoned = MultiGauge.builder("dialerd.campaign.abandoned.calls")
                .description("Answered campaign calls no agent took within 2 s (regulatory rule), by window")
                .register(registry);
        this.rate = MultiGauge.builder("dialerd.campaign.abandon.rate")
                .description("Abandoned (2-second rule) per answered campaign call, by window").register(registry);
        this.target = MultiGauge.builder("dialerd.campaign.abandon.target.rate")
                .description("The campaign's abandon_target_pct as a ratio").register(registry);
    }

    /** Reads the live figures once; called before each scrape. */
    void refresh() {
        List<MultiGauge.Row<?>> answeredRows = new ArrayList<>();
        List<MultiGauge.Row<?>> abandonedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> targetRows = new ArrayList<>();
        for (AbandonFigures f : rates.all()) {
            String campaign = String.valueOf(f.campaignId());
            add(campaign, "today", f.today(), answeredRows, abandonedRows, rateRows);
            add(campaign, "30d", f.last30Days(), answeredRows, abandonedRows, rateRows);
            targetRows.add(MultiGauge.Row.of(Tags.of("campaign", campaign), f.targetPercent() / 100));
        }
        answered.register(answeredRows, true);
        abandoned.register(abandonedRows, true);
        rate.register(rateRows, true);
        target.register(targetRows, true);
    }

    private static void add(String campaign, String window, AbandonFigures.Tally t, List<MultiGauge.Row<?>> answered,
                            List<MultiGauge.Row<?>> abandoned, List<MultiGauge.Row<?>> rate) {
        Tags tags = Tags.of("campaign", campaign, "window", window);
        answered.add(MultiGauge.Row.of(tags, t.answered()));
        abandoned.add(MultiGauge.Row.of(tags, t.abandoned()));
        t.rate().ifPresent(r -> rate.add(MultiGauge.Row.of(tags, r)));
    }
}
