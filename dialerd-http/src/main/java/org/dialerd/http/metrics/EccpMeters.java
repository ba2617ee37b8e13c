package org.dialerd.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.server.EccpMetrics;

/**
 * ECCP requests (count by name and result, latency histogram by name) and events sent, in
 * Micrometer. Called for every request: meters are looked up in maps keyed by the label
 * values (created once), so a served request costs two map reads and two atomic updates.
 */
final class EccpMeters implements EccpMetrics {
    private final MeterRegistry registry;
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> events = new ConcurrentHashMap<>();

    EccpMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Creates each request's latency timer and success counter (at zero) before traffic arrives. */
    @Override
    public void requestsKnown(Collection<String> names) {
        for (String request : names) {
            timer(request);
            counter(request, SUCCESS);
        }
    }

    @Override
    public void requestAnswered(String request, String result, long durationNanos) {
        timer(request).record(durationNanos, TimeUnit.NANOSECONDS);
        counter(request, result).increment();
    }

    private Counter counter(String request, String result) {
        Map<String, Counter> byResult = requests.get(request);
        if (byResult == null) {
            byResult = requests.computeIfAbsent(request, r -> new ConcurrentHashMap<>());
        }
        Counter counter = byResult.get(result);
        return counter != null ? counter : byResult.computeIfAbsent(result, r -> Counter.builder("dialerd.eccp.requests")
                .description("ECCP requests answered, by request name and result (success or failure code)")
                .tags("request", request, "result", r)
                .register(registry));
    }

    private Timer timer(String request) {
        Timer timer = latency.get(request);
        return timer != null ? timer : latency.computeIfAbsent(request, r -> Timer.builder("dialerd.eccp.request.duration")
                .description("Time from reading an ECCP request to its answer, by request name")
                .tag("request", r)
                .serviceLevelObjectives(DialerdMeters.LATENCY_BUCKETS)
                .register(registry));
    }

    @Override
    public void eventSent(String event, int sessions) {
        Counter counter = events.get(event);
        if (counter == null) {
            counter = events.computeIfAbsent(event, e -> Counter.builder("dialerd.eccp.events.sent")
                    .description("ECCP event packets written to sessions, by event name")
                    .tag("event", e)
                    .register(registry));
        }
        counter.increment(sessions);
    }
}
