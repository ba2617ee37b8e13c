package org.dialerd.http.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.dialerd.ami.AmiMetrics;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.eccp.server.EccpMetrics;
import org.dialerd.http.DaemonProbes;

/**
 * dialerd's metrics: one Prometheus registry, the hooks the engine, ECCP and AMI report
 * through ({@link #engine()}, {@link #eccp()}, {@link #ami()}), gauges over the daemon's state
 * ({@link #watch}), and the JVM and process basics (memory, GC, threads, class loading, CPU,
 * uptime, file descriptors). The rest of dialerd sees only the hook interfaces: Micrometer
 * stays in this module. Names and labels are listed in docs/operations.md.
 */
public final class DialerdMeters implements AutoCloseable {
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Latency buckets: a status read answers in microseconds, a report over a big table in seconds. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EngineMeters engine = new EngineMeters(registry);
    private final EccpMeters eccp = new EccpMeters(registry);
    private final AmiMeters ami = new AmiMeters(registry);
    private final WebhookMeters webhooks = new WebhookMeters(registry);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private boolean watching;
    private volatile AbandonGauges abandons;

    public DialerdMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public EngineMetrics engine() {
        return engine;
    }

    public EccpMetrics eccp() {
        return eccp;
    }

    public AmiMetrics ami() {
        return ami;
    }

    public org.dialerd.http.webhook.WebhookMetrics webhooks() {
        return webhooks;
    }

    /** Adds the gauges over the daemon's state; once, when everything they read is running. */
    public synchronized void watch(DaemonProbes probes) {
        if (watching) {
            throw new IllegalStateException("state gauges already registered");
        }
        watching = true;
        StateGauges.register(registry, probes);
    }

    /** Adds the gauges of abandoned calls by the 2-second rule per campaign, read at each scrape. */
    public synchronized void watch(org.dialerd.core.stats.AbandonRates rates) {
        if (abandons != null) {
            throw new IllegalStateException("abandoned-call gauges already registered");
        }
        abandons = new AbandonGauges(registry, rates);
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        AbandonGauges gauges = abandons;
        if (gauges != null) {
            gauges.refresh();
        }
        return registry.scrape();
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
