package org.dialerd.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.stats.AbandonFigures;
import org.dialerd.core.stats.AbandonRates;
import org.dialerd.core.stats.CampaignProgress;
import org.dialerd.core.stats.LineKey;
import org.dialerd.core.stats.LineSnapshot;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.core.stats.Window;

/**
 * Live service-level statistics ({@code GET /api/v1/stats}) and the wallboard's one-read view
 * ({@code GET /api/v1/wallboard}): both from the engine's live counters and the campaign
 * progress one background refresh reads, and the abandoned calls by the 2-second rule
 * ({@link AbandonRates}), never a database query per request.
 */
public final class StatsEndpoints {
    private final LiveStats stats;
    private final Supplier<List<CampaignProgress.Progress>> progress;
    private final Clock clock;
    private final AbandonRates abandons;

    public StatsEndpoints(LiveStats stats, Supplier<List<CampaignProgress.Progress>> progress, Clock clock) {
        this(stats, progress, clock, AbandonRates.NONE);
    }

    /** @param abandons abandoned calls by the 2-second rule, per outgoing campaign */
    public StatsEndpoints(LiveStats stats, Supplier<List<CampaignProgress.Progress>> progress, Clock clock,
                          AbandonRates abandons) {
        this.stats = stats;
        this.progress = progress;
        this.clock = clock;
        this.abandons = abandons;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(WebApi.PREFIX + "/stats", "Live service level, abandon rate, speed of answer, handle "
                        + "time, waits and estimated wait per queue and campaign (last 15 minutes, today); "
                        + "abandoned calls by the 2-second rule per outgoing campaign (today, 30 days)",
                        ApiRoute.Access.CLIENT, List.of(), call -> ApiResponses.json(200, lines())),
                ApiRoute.get(WebApi.PREFIX + "/wallboard", "Every queue and campaign with calls waiting, longest "
                        + "wait, answered, abandoned, service level and campaign progress", ApiRoute.Access.CLIENT,
                        List.of(), call -> ApiResponses.json(200, wallboard())));
    }

    ObjectNode lines() {
        ObjectNode body = ApiResponses.MAPPER.createObjectNode().put("at", clock.instant().toString());
        ArrayNode lines = body.putArray("lines");
        for (LineSnapshot line : stats.snapshot()) {
            ObjectNode node = lines.addObject().put("kind", line.line().kind());
            key(node, line.line());
            figures(node, line);
        }
        ArrayNode abandoned = body.putArray("abandoned_calls");
        for (AbandonFigures f : abandons.all()) {
            abandonFigures(abandoned.addObject().put("campaign_type", "outgoing").put("campaign_id", f.campaignId()), f);
        }
        return body;
    }

    /** The 2-second rule's figures: today, the last 30 days, the target. */
    static ObjectNode abandonFigures(ObjectNode node, AbandonFigures f) {
        node.put("rule_seconds", AbandonCounter.RULE.toSeconds()).put("target_pct", f.targetPercent());
        tally(node.putObject("today"), f.today());
        tally(node.putObject("last_30_days"), f.last30Days());
        return node.put("over_target", f.overTarget());
    }

    private static void tally(ObjectNode node, AbandonFigures.Tally t) {
        node.put("answered", t.answered()).put("abandoned", t.abandoned());
        number(node, "abandon_rate", t.rate());
    }

    ObjectNode wallboard() {
        ObjectNode body = ApiResponses.MAPPER.createObjectNode().put("at", clock.instant().toString());
        ArrayNode queues = body.putArray("queues");
        Map<LineKey, LineSnapshot> campaigns = new HashMap<>();
        for (LineSnapshot line : stats.snapshot()) {
            if (line.line().isQueue()) {
                figures(queues.addObject().put("queue", line.line().queue()), line);
            } else {
                campaigns.put(line.line(), line);
            }
        }
        ArrayNode campaignNodes = body.putArray("campaigns");
        for (CampaignProgress.Progress p : progress.get()) {
            LineKey key = LineKey.campaign("outgoing", p.campaignId());
            LineSnapshot live = campaigns.containsKey(key) ? campaigns.remove(key) : stats.line(key);
            ObjectNode node = campaignNodes.addObject().put("type", "outgoing").put("id", p.campaignId())
                    .put("name", p.name()).put("queue", p.queue());
            figures(node, live);
            abandonFigures(node.putObject("abandoned_2s"), abandons.figures(p.campaignId()));
            node.put("pending", p.pending()).put("placed", p.placed()).put("failed", p.failed());
            node.putObject("progress").put("pending", p.pending()).put("placed", p.placed())
                    .put("answered", p.answered()).put("failed", p.failed());
        }
        campaigns.values().stream()
                .sorted(java.util.Comparator.comparing((LineSnapshot l) -> l.line().campaignType())
                        .thenComparing(l -> l.line().campaignId()))
                .forEach(line -> figures(campaignNodes.addObject().put("type", line.line().campaignType())
                        .put("id", line.line().campaignId()), line));
        return body;
    }

    private static void key(ObjectNode node, LineKey key) {
        if (key.isQueue()) {
            node.put("queue", key.queue());
        } else {
            node.put("campaign_type", key.campaignType()).put("campaign_id", key.campaignId());
        }
    }

    /** The line's live figures; answered, abandoned and service level at the top are today's. */
    private static void figures(ObjectNode node, LineSnapshot line) {
        node.put("calls_waiting", line.waiting()).put("longest_wait_seconds", line.longestWaitSeconds());
        number(node, "estimated_wait_seconds", line.estimatedWaitSeconds());
        node.put("service_level_seconds", line.serviceLevelSeconds());
        node.put("answered", line.today().answered()).put("abandoned", line.today().abandoned());
        number(node, "service_level", line.today().serviceLevel());
        window(node.putObject("last_15_minutes"), line.last15Minutes());
        window(node.putObject("today"), line.today());
    }

    private static void window(ObjectNode node, Window w) {
        node.put("offered", w.offered()).put("answered", w.answered()).put("answered_in_time", w.answeredInTime())
                .put("abandoned", w.abandoned()).put("handled", w.handled()).put("placed", w.placed())
                .put("failed", w.failed());
        number(node, "service_level", w.serviceLevel());
        number(node, "abandon_rate", w.abandonRate());
        number(node, "average_speed_of_answer", w.averageSpeedOfAnswer());
        number(node, "average_handle_time", w.averageHandleTime());
    }

    private static void number(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, Math.round(value.getAsDouble() * 1000) / 1000.0);
        } else {
            node.putNull(name);
        }
    }
}
