package org.dialerd.eccp.handler;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.stats.AbandonFigures;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The extension getcampaignabandonstatus: one outgoing campaign's abandoned calls by the
 * 2-second rule, today and over the last 30 days, against its target. From memory (the
 * engine's live counter), never the database.
 *
 * <pre>
 * &lt;request id="1"&gt;&lt;getcampaignabandonstatus&gt;&lt;campaign_id&gt;1&lt;/campaign_id&gt;&lt;/getcampaignabandonstatus&gt;&lt;/request&gt;
 * &lt;response id="1"&gt;&lt;getcampaignabandonstatus_response&gt;&lt;campaign_id&gt;1&lt;/campaign_id&gt;
 *   &lt;rule_seconds&gt;2&lt;/rule_seconds&gt;&lt;target_pct&gt;3.00&lt;/target_pct&gt;
 *   &lt;today&gt;&lt;answered&gt;40&lt;/answered&gt;&lt;abandoned&gt;2&lt;/abandoned&gt;&lt;abandon_pct&gt;5.00&lt;/abandon_pct&gt;&lt;/today&gt;
 *   &lt;last_30_days&gt;...&lt;/last_30_days&gt;&lt;over_target&gt;yes&lt;/over_target&gt;
 * &lt;/getcampaignabandonstatus_response&gt;&lt;/response&gt;
 * </pre>
 */
final class AbandonHandlers {
    private AbandonHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.GETCAMPAIGNABANDONSTATUS, AbandonHandlers::campaignAbandonStatus);
    }

    /** A campaign with no answered call (or no such campaign) has zeros and an empty abandon_pct. */
    static XmlElement campaignAbandonStatus(RequestContext context, XmlElement request) {
        int campaignId = (int) Args.phpInt(Args.required(request, "campaign_id"));
        if (!Args.optional(request, "campaign_type").orElse("outgoing").equals("outgoing")) {
            throw EccpFailure.badRequest("only outgoing campaigns have abandoned calls by the 2-second rule");
        }
        AbandonFigures figures = context.services().abandons().figures(campaignId);
        return XmlElement.builder(RequestName.GETCAMPAIGNABANDONSTATUS.responseName())
                .add("campaign_id", campaignId)
                .add("rule_seconds", AbandonCounter.RULE.toSeconds())
                .add("target_pct", percent(figures.targetPercent()))
                .add(tally("today", figures.today()))
                .add(tally("last_30_days", figures.last30Days()))
                .add("over_target", figures.overTarget() ? "yes" : "no")
                .build();
    }

    private static XmlElement tally(String name, AbandonFigures.Tally tally) {
        OptionalDouble rate = tally.rate();
        return XmlElement.builder(name)
                .add("answered", tally.answered())
                .add("abandoned", tally.abandoned())
                .add("abandon_pct", rate.isPresent() ? percent(rate.getAsDouble() * 100) : "")
                .build();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
