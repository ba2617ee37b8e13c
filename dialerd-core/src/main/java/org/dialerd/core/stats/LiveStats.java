package org.dialerd.core.stats;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineListener;

/**
 * Live service-level statistics per queue and per campaign, counted from the engine's
 * callprogress transitions as they happen: no database read, per request or otherwise.
 * Figures start empty when dialerd starts; a call already waiting or talking then is followed
 * but not counted as offered or answered.
 *
 * <p>Updated on the engine thread (a few map operations per transition) and read from any
 * thread; one lock guards both, held for microseconds.
 */
public final class LiveStats implements EngineListener {
    private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::kind)
            .thenComparing(k -> k.queue() == null ? "" : k.queue())
            .thenComparing(k -> k.campaignType() == null ? "" : k.campaignType())
            .thenComparing(k -> k.campaignId() == null ? 0 : k.campaignId());

    private final Clock clock;
    private final ToIntFunction<LineKey> serviceLevelSeconds;
    private final LocalDateTime started;
    private final Map<LineKey, ServiceLine> lines = new HashMap<>();

    /** @param serviceLevelSeconds the threshold T of each line's service level */
    public LiveStats(Clock clock, ToIntFunction<LineKey> serviceLevelSeconds) {
        this.clock = clock;
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.started = LocalDateTime.now(clock);
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (event instanceof AgentEvent.CallProgress progress) {
            record(progress);
        } else if (event instanceof AgentEvent.WrapupEnd wrapup && wrapup.callType() != null) {
            wrappedUp(wrapup);
        }
    }

    /** After-call work counts in the handle time of its call's queue and campaign (handle = talk + wrap-up). */
    private synchronized void wrappedUp(AgentEvent.WrapupEnd w) {
        if (w.queue() != null && !w.queue().isEmpty()) {
            counters(LineKey.queue(w.queue())).wrappedUp(w.durationSeconds(), w.end());
        }
        if (w.campaignId() != null) {
            counters(LineKey.campaign(w.callType(), w.campaignId())).wrappedUp(w.durationSeconds(), w.end());
        }
    }

    private synchronized void record(AgentEvent.CallProgress p) {
        List<ServiceLine> affected = new ArrayList<>(2);
        if (p.queue() != null && !p.queue().isEmpty()) {
            affected.add(counters(LineKey.queue(p.queue())));
        }
        if (p.campaignId() != null) {
            affected.add(counters(LineKey.campaign(p.campaignType(), p.campaignId())));
        }
        for (ServiceLine line : affected) {
            switch (p.newStatus()) {
                case "Placing" -> line.placed(p.when());
                case "OnQueue" -> line.entered(p.callId(), p.when());
                case "Success" -> line.answered(p.callId(), p.when());
                case "Abandoned" -> line.abandoned(p.callId(), p.when());
                case "Failure", "NoAnswer" -> line.failed(p.callId(), p.when());
                case "Hangup" -> line.ended(p.callId(), p.when());
                default -> { } // Dialing, Ringing, OnHold, OffHold, ShortCall change no figure
            }
        }
    }

    private ServiceLine counters(LineKey key) {
        return lines.computeIfAbsent(key, k -> new ServiceLine(k, serviceLevelSeconds.applyAsInt(k), started));
    }

    /** Every line that saw a call since dialerd started: campaigns (by type and id), then queues (by name). */
    public synchronized List<LineSnapshot> snapshot() {
        LocalDateTime now = LocalDateTime.now(clock);
        return lines.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .map(e -> e.getValue().snapshot(now))
                .toList();
    }

    /** One line's figures; a line that has seen no call yet has empty ones. */
    public synchronized LineSnapshot line(LineKey key) {
        ServiceLine line = lines.get(key);
        if (line == null) {
            line = new ServiceLine(key, serviceLevelSeconds.applyAsInt(key), started);
        }
        return line.snapshot(LocalDateTime.now(clock));
    }
}
