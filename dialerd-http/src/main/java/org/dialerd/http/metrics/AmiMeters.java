package org.dialerd.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dialerd.ami.AmiMetrics;

/**
 * AMI events received by type, action latency, timeouts and failures by action, and responses
 * dropped (unknown ActionID, late) by reason, in Micrometer; the dropped-response counters
 * exist at 0 from the start so a dashboard can alert on any increase. {@link #eventReceived} runs on asterisk-java's event pump for every event: one
 * map read and one atomic add.
 */
final class AmiMeters implements AmiMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Timer> answered = new ConcurrentHashMap<>();
    private final Map<String, Counter> timeouts = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<Dropped, Counter> dropped = new java.util.EnumMap<>(Dropped.class);

    AmiMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Dropped why : Dropped.values()) {
            dropped.put(why, Counter.builder("dialerd.ami.responses.dropped")
                    .description("AMI responses no action waited for, dropped: unknown ActionID or after a timeout")
                    .tag("reason", why.label())
                    .register(registry));
        }
    }

    @Override
    public void responseDropped(Dropped why) {
        dropped.get(why).increment();
    }

    @Override
    public void eventReceived(String type) {
        Counter counter = events.get(type);
        if (counter == null) {
            counter = events.computeIfAbsent(type, t -> Counter.builder("dialerd.ami.events.received")
                    .description("AMI events received, by event type")
                    .tag("type", t)
                    .register(registry));
        }
        counter.increment();
    }

    @Override
    public void actionFinished(String action, Outcome outcome, long durationNanos) {
        switch (outcome) {
            case ANSWERED -> {
                Timer timer = answered.get(action);
                if (timer == null) {
                    timer = answered.computeIfAbsent(action, a -> Timer.builder("dialerd.ami.action.duration")
                            .description("Time from sending an AMI action to Asterisk's answer, by action")
                            .tag("action", a)
                            .serviceLevelObjectives(DialerdMeters.LATENCY_BUCKETS)
                            .register(registry));
                }
                timer.record(durationNanos, TimeUnit.NANOSECONDS);
            }
            case TIMED_OUT -> counter(timeouts, "dialerd.ami.action.timeouts",
                    "AMI actions Asterisk did not answer in time, by action", action).increment();
            case FAILED -> counter(failures, "dialerd.ami.action.failures",
                    "AMI actions not sent or cut off by a lost connection, by action", action).increment();
        }
    }

    private Counter counter(Map<String, Counter> cache, String name, String description, String action) {
        Counter counter = cache.get(action);
        return counter != null ? counter : cache.computeIfAbsent(action, a -> Counter.builder(name)
                .description(description)
                .tag("action", a)
                .register(registry));
    }
}
