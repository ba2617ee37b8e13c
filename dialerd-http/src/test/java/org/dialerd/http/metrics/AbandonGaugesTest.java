package org.dialerd.http.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.stats.AbandonFigures;
import org.dialerd.core.stats.AbandonRates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AbandonGaugesTest {
    private final DialerdMeters meters = new DialerdMeters();
    private final List<AbandonFigures> figures = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        meters.close();
    }

    private final AbandonRates rates = new AbandonRates() {
        @Override
        public AbandonFigures figures(int campaignId) {
            return figures.stream().filter(f -> f.campaignId() == campaignId).findFirst().orElseThrow();
        }

        @Override
        public List<AbandonFigures> all() {
            return List.copyOf(figures);
        }
    };

    @Test
    void eachScrapeShowsEveryCampaignsAnsweredAbandonedRateAndTarget() {
        meters.watch(rates);
        figures.add(new AbandonFigures(1, new AbandonFigures.Tally(4, 1), new AbandonFigures.Tally(40, 2), 3.0));
        figures.add(new AbandonFigures(2, AbandonFigures.Tally.EMPTY, new AbandonFigures.Tally(10, 0), 5.0));

        String scrape = meters.scrape();
        assertTrue(scrape.contains("dialerd_campaign_answered_calls{campaign=\"1\",window=\"today\"} 4.0"), scrape);
        assertTrue(scrape.contains("dialerd_campaign_abandoned_calls{campaign=\"1\",window=\"30d\"} 2.0"), scrape);
        assertTrue(scrape.contains("dialerd_campaign_abandon_rate{campaign=\"1\",window=\"30d\"} 0.05"), scrape);
        assertTrue(scrape.contains("dialerd_campaign_abandon_target_rate{campaign=\"2\"} 0.05"), scrape);
        assertFalse(scrape.contains("dialerd_campaign_abandon_rate{campaign=\"2\",window=\"today\"}"),
                "no rate before an answered call: " + scrape);

        figures.set(0, new AbandonFigures(1, new AbandonFigures.Tally(5, 2), new AbandonFigures.Tally(41, 3), 3.0));
        assertTrue(meters.scrape().contains("dialerd_campaign_abandoned_calls{campaign=\"1\",window=\"today\"} 2.0"));
    }

    @Test
    void countsSafeHarbourMessagesPerCampaign() {
        meters.engine().safeHarbour(7);
        meters.engine().safeHarbour(7);
        assertTrue(meters.scrape().contains("dialerd_dialer_safe_harbour_total{campaign=\"7\"} 2.0"));
    }

    @Test
    void countsPreviewOffersAndHowEachEnded() {
        meters.engine().previewOffered(2);
        meters.engine().previewOffered(2);
        meters.engine().previewOffered(2);
        meters.engine().previewEnded(2, "accepted");
        meters.engine().previewEnded(2, "expired");
        meters.engine().previewEnded(2, "withdrawn");
        String scrape = meters.scrape();
        assertTrue(scrape.contains("dialerd_preview_offers_total{campaign=\"2\"} 3.0"), scrape);
        assertTrue(scrape.contains("dialerd_preview_ended_total{campaign=\"2\",outcome=\"accepted\"} 1.0"), scrape);
        assertTrue(scrape.contains("dialerd_preview_ended_total{campaign=\"2\",outcome=\"expired\"} 1.0"), scrape);
        assertTrue(scrape.contains("dialerd_preview_ended_total{campaign=\"2\",outcome=\"withdrawn\"} 1.0"), scrape);
        assertFalse(scrape.contains("outcome=\"rejected\""), "no counter before the first: " + scrape);
    }
}
