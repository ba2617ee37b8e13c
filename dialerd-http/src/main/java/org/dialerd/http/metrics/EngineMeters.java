package org.dialerd.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.metrics.ResyncCorrection;

/**
 * The engine's counts in Micrometer: live calls by type and phase (gauges, all present from
 * the start at 0), finished calls by type and final status, the dialer's rounds, decisions
 * and placed calls by campaign, and resyncs with Asterisk by trigger and what they corrected by
 * kind (all present from the start at 0). Meters are created once per label value and cached.
 */
final class EngineMeters implements EngineMetrics {
    static final String[] CALL_TYPES = {"incoming", "outgoing"};
    static final String[] RESYNC_TRIGGERS = {"connected", "periodic"};

    /** One campaign's dialer counters. */
    private record Campaign(Counter evaluated, Counter toPlace, Counter placed) {}

    private final MeterRegistry registry;
    private final Map<String, Map<CallPhase, AtomicLong>> live = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> finished = new ConcurrentHashMap<>();
    private final Map<Integer, Campaign> campaigns = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> safeHarbour = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> previewOffers = new ConcurrentHashMap<>();
    /** Campaign, then outcome (accepted, rejected, expired, withdrawn). */
    private final Map<Integer, Map<String, Counter>> previewEnds = new ConcurrentHashMap<>();
    private final Counter rounds;
    private final Map<String, Counter> resyncRuns = new ConcurrentHashMap<>();
    private final Map<ResyncCorrection, Counter> resyncCorrections = new EnumMap<>(ResyncCorrection.class);

    EngineMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String type : CALL_TYPES) {
            phases(type);
        }
        this.rounds = Counter.builder("dialerd.dialer.rounds")
                .description("Rounds of the outbound dialer over the active campaigns")
                .register(registry);
        for (String trigger : RESYNC_TRIGGERS) {
            resyncRun(trigger, 0);
        }
        for (ResyncCorrection kind : ResyncCorrection.values()) {
            resyncCorrections.put(kind, Counter.builder("dialerd.resync.corrections")
                    .description("What resyncs with Asterisk set right (events dialerd had missed), by kind")
                    .tag("kind", kind.label()).register(registry));
        }
    }

    private void resyncRun(String trigger, int count) {
        resyncRuns.computeIfAbsent(trigger, t -> Counter.builder("dialerd.resync.runs")
                .description("Resyncs with Asterisk that ran, after a connection or periodic")
                .tag("trigger", t).register(registry)).increment(count);
    }

    @Override
    public void resyncRun(String trigger) {
        resyncRun(trigger, 1);
    }

    @Override
    public void resyncCorrected(ResyncCorrection kind, int count) {
        resyncCorrections.get(kind).increment(count);
    }

    private Map<CallPhase, AtomicLong> phases(String type) {
        Map<CallPhase, AtomicLong> byPhase = live.get(type);
        return byPhase != null ? byPhase : live.computeIfAbsent(type, t -> {
            Map<CallPhase, AtomicLong> created = new EnumMap<>(CallPhase.class);
            for (CallPhase phase : CallPhase.values()) {
                AtomicLong count = new AtomicLong();
                Gauge.builder("dialerd.calls.live", count, AtomicLong::get)
                        .description("Calls dialerd follows now, by type and phase")
                        .tags("call_type", t, "phase", phase.label())
                        .register(registry);
                created.put(phase, count);
            }
            return created;
        });
    }

    @Override
    public void callStarted(String callType, CallPhase phase) {
        phases(callType).get(phase).incrementAndGet();
    }

    @Override
    public void callMoved(String callType, CallPhase from, CallPhase to) {
        Map<CallPhase, AtomicLong> byPhase = phases(callType);
        byPhase.get(from).decrementAndGet();
        byPhase.get(to).incrementAndGet();
    }

    @Override
    public void callFinished(String callType, CallPhase last, String finalStatus) {
        phases(callType).get(last).decrementAndGet();
        Map<String, Counter> byStatus = finished.computeIfAbsent(callType, t -> new ConcurrentHashMap<>());
        Counter counter = byStatus.get(finalStatus);
        if (counter == null) {
            counter = byStatus.computeIfAbsent(finalStatus, status -> Counter.builder("dialerd.calls.finished")
                    .description("Calls that ended, by type and final status")
                    .tags("call_type", callType, "status", status)
                    .register(registry));
        }
        counter.increment();
    }

    @Override
    public void dialerRound() {
        rounds.increment();
    }

    @Override
    public void dialDecision(int campaignId, int callsToPlace) {
        Campaign campaign = campaign(campaignId);
        campaign.evaluated().increment();
        campaign.toPlace().increment(callsToPlace);
    }

    @Override
    public void callPlaced(int campaignId) {
        campaign(campaignId).placed().increment();
    }

    @Override
    public void safeHarbour(int campaignId) {
        safeHarbour.computeIfAbsent(campaignId, id -> Counter.builder("dialerd.dialer.safe.harbour")
                .description("Answered campaign calls no agent took within 2 s, sent to the safe-harbour message")
                .tag("campaign", String.valueOf(id)).register(registry)).increment();
    }

    @Override
    public void previewOffered(int campaignId) {
        previewOffers.computeIfAbsent(campaignId, id -> Counter.builder("dialerd.preview.offers")
                .description("Preview calls offered to an agent")
                .tag("campaign", String.valueOf(id)).register(registry)).increment();
    }

    @Override
    public void previewEnded(int campaignId, String outcome) {
        previewEnds.computeIfAbsent(campaignId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Counter.builder("dialerd.preview.ended")
                        .description("Preview offers ended: accepted (dialled), rejected, expired, or withdrawn "
                                + "(logout, break, another call, reserved by another host)")
                        .tag("campaign", String.valueOf(campaignId)).tag("outcome", o).register(registry))
                .increment();
    }

    private Campaign campaign(int id) {
        return campaigns.computeIfAbsent(id, key -> {
            String campaign = String.valueOf(key);
            return new Campaign(
                    Counter.builder("dialerd.dialer.campaigns.evaluated")
                            .description("Times the predictor evaluated the campaign")
                            .tag("campaign", campaign).register(registry),
                    Counter.builder("dialerd.dialer.calls.to.place")
                            .description("Sum of the predictor's 'calls to place now' decisions")
                            .tag("campaign", campaign).register(registry),
                    Counter.builder("dialerd.dialer.calls.placed")
                            .description("Campaign calls originated")
                            .tag("campaign", campaign).register(registry));
        });
    }
}
