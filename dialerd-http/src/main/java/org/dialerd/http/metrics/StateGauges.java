package org.dialerd.http.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentView;
import org.dialerd.http.DaemonProbes;

/**
 * Gauges read from the daemon's state when Prometheus scrapes: ECCP sessions, agents by state
 * (from the engine's published snapshots), the write queue, database and AMI up. Nothing here
 * runs on a hot path; the database gauge goes through the cached check.
 */
final class StateGauges {
    /** An agent whose login is under way (offline until Asterisk confirms it). */
    static final String LOGGING = "logging";

    private StateGauges() {
    }

    static void register(MeterRegistry registry, DaemonProbes probes) {
        Gauge.builder("dialerd.eccp.sessions.open", () -> probes.eccpConnections().getAsInt())
                .description("Open ECCP connections").register(registry);
        Gauge.builder("dialerd.eccp.sessions.logged.in", () -> probes.eccpLoggedIn().getAsInt())
                .description("ECCP sessions logged in (receiving events)").register(registry);
        for (AgentStatus status : AgentStatus.values()) {
            Gauge.builder("dialerd.agents", () -> count(probes, status.wireName()))
                    .description("Agents dialerd tracks, by state").tag("state", status.wireName()).register(registry);
        }
        Gauge.builder("dialerd.agents", () -> count(probes, LOGGING))
                .description("Agents dialerd tracks, by state").tag("state", LOGGING).register(registry);
        Gauge.builder("dialerd.write.queue.depth", () -> probes.writes().pending())
                .description("Database writes waiting in the ordered write queue").register(registry);
        TimeGauge.builder("dialerd.write.queue.oldest.write.age", () -> probes.writes().oldestPendingAge().toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("How long the oldest waiting database write has waited").register(registry);
        Gauge.builder("dialerd.database.up", () -> probes.database().current().up() ? 1 : 0)
                .description("1 when the database answered the last check (cached 1 s)").register(registry);
        Gauge.builder("dialerd.ami.connected", () -> probes.ami().current().connected() ? 1 : 0)
                .description("1 while the AMI connection to Asterisk is up").register(registry);
    }

    private static long count(DaemonProbes probes, String state) {
        long n = 0;
        for (AgentView view : probes.agents().views()) {
            if (state.equals(stateOf(view))) {
                n++;
            }
        }
        return n;
    }

    static String stateOf(AgentView view) {
        return view.logging() ? LOGGING : view.status().wireName();
    }
}
