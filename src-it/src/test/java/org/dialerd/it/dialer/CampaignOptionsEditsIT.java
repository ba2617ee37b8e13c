package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.DemoDialerd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dialerd_campaign_options is read once for the dialer, the safe harbour, the abandon targets and
 * the wrap-up times (CampaignOptionsCache), and read again when the answer cache's change check
 * sees the table move: an edit made with plain SQL, as the web UI makes it, shows within 1 s.
 */
class CampaignOptionsEditsIT {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration FIRST = Duration.ofSeconds(20);

    @RegisterExtension
    static final DemoDialerd dialerd = DemoDialerd.withConsole();

    private static String targetPercent() {
        EccpResponse answer = dialerd.eccp().request("getcampaignabandonstatus", "campaign_id", 1);
        assertTrue(answer.isSuccess(), answer.toString());
        return answer.body().childText("target_pct").orElseThrow();
    }

    @Test
    void anAbandonTargetEditedWithSqlShowsInGetcampaignabandonstatusWithinASecond() throws Exception {
        Awaits.until("the default target", FIRST, () -> targetPercent().equals("3.00"));
        dialerd.sql("INSERT INTO dialerd_campaign_options (id_campaign, abandon_target_pct) VALUES (1, 1.5)"
                + " ON DUPLICATE KEY UPDATE abandon_target_pct = 1.5");
        long start = System.nanoTime();
        Awaits.until("the new target", WITHIN, () -> targetPercent().equals("1.50"));
        System.out.printf("abandon target edit seen after %d ms%n", (System.nanoTime() - start) / 1_000_000);

        dialerd.sql("UPDATE dialerd_campaign_options SET abandon_target_pct = 2.5 WHERE id_campaign = 1");
        start = System.nanoTime();
        Awaits.until("a second edit", WITHIN, () -> targetPercent().equals("2.50"));
        System.out.printf("second edit seen after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }
}
