package org.dialerd.eccp.handler;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.dialerd.core.stats.LineKey;
import org.dialerd.core.stats.LineSnapshot;
import org.dialerd.core.stats.Window;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The extension getlivestats: the live service-level statistics of the queues and campaigns
 * (the figures of {@code GET /api/v1/stats}), from the engine's counters, never the database.
 * Without arguments every line that saw a call since dialerd started; with {@code queue}, or
 * {@code campaign_id} (and {@code campaign_type}, outgoing by default), that line only.
 *
 * <pre>
 * &lt;request id="1"&gt;&lt;getlivestats&gt;&lt;queue&gt;8001&lt;/queue&gt;&lt;/getlivestats&gt;&lt;/request&gt;
 * &lt;response id="1"&gt;&lt;getlivestats_response&gt;&lt;lines&gt;&lt;line&gt;&lt;kind&gt;queue&lt;/kind&gt;&lt;queue&gt;8001&lt;/queue&gt;
 *   &lt;calls_waiting&gt;1&lt;/calls_waiting&gt;&lt;longest_wait_seconds&gt;7&lt;/longest_wait_seconds&gt;
 *   &lt;estimated_wait_seconds&gt;45.00&lt;/estimated_wait_seconds&gt;&lt;service_level_seconds&gt;20&lt;/service_level_seconds&gt;
 *   &lt;last_15_minutes&gt;...&lt;/last_15_minutes&gt;&lt;today&gt;...&lt;/today&gt;&lt;/line&gt;&lt;/lines&gt;
 * &lt;/getlivestats_response&gt;&lt;/response&gt;
 * </pre>
 */
final class LiveStatsHandlers {
    private LiveStatsHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(RequestName.GETLIVESTATS, LiveStatsHandlers::liveStats);
    }

    static XmlElement liveStats(RequestContext context, XmlElement request) {
        Optional<String> queue = Args.optional(request, "queue");
        Optional<String> campaignId = Args.optional(request, "campaign_id");
        Optional<String> campaignType = Args.optional(request, "campaign_type");
        if (queue.isPresent() && (campaignId.isPresent() || campaignType.isPresent())) {
            throw EccpFailure.badRequest("give either queue or campaign_id, not both");
        }
        if (campaignType.isPresent() && campaignId.isEmpty()) {
            throw EccpFailure.badRequest("campaign_type needs campaign_id");
        }
        String type = campaignType.orElse("outgoing");
        if (!type.equals("outgoing") && !type.equals("incoming")) {
            throw EccpFailure.badRequest("invalid campaign_type");
        }
        var stats = context.services().stats();
        List<LineSnapshot> lines;
        if (queue.isPresent()) {
            lines = List.of(stats.line(LineKey.queue(queue.get())));
        } else if (campaignId.isPresent()) {
            lines = List.of(stats.line(LineKey.campaign(type, (int) Args.phpInt(campaignId.get()))));
        } else {
            lines = stats.snapshot();
        }
        XmlElement.Builder list = XmlElement.builder("lines");
        lines.forEach(line -> list.add(line(line)));
        return XmlElement.builder(RequestName.GETLIVESTATS.responseName()).add(list.build()).build();
    }

    private static XmlElement line(LineSnapshot line) {
        LineKey key = line.line();
        XmlElement.Builder node = XmlElement.builder("line").add("kind", key.kind());
        if (key.isQueue()) {
            node.add("queue", key.queue());
        } else {
            node.add("campaign_type", key.campaignType()).add("campaign_id", key.campaignId());
        }
        return node.add("calls_waiting", line.waiting())
                .add("longest_wait_seconds", line.longestWaitSeconds())
                .add("estimated_wait_seconds", decimal(line.estimatedWaitSeconds(), 1))
                .add("service_level_seconds", line.serviceLevelSeconds())
                .add(window("last_15_minutes", line.last15Minutes()))
                .add(window("today", line.today()))
                .build();
    }

    /** Counts, then the ratios as percentages and the averages in seconds; empty when nothing to divide. */
    private static XmlElement window(String name, Window w) {
        return XmlElement.builder(name)
                .add("offered", w.offered()).add("answered", w.answered()).add("answered_in_time", w.answeredInTime())
                .add("abandoned", w.abandoned()).add("handled", w.handled()).add("placed", w.placed())
                .add("failed", w.failed())
                .add("service_level_pct", decimal(w.serviceLevel(), 100))
                .add("abandon_pct", decimal(w.abandonRate(), 100))
                .add("average_speed_of_answer", decimal(w.averageSpeedOfAnswer(), 1))
                .add("average_handle_time", decimal(w.averageHandleTime(), 1))
                .build();
    }

    private static String decimal(OptionalDouble value, double scale) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble() * scale) : "";
    }
}
