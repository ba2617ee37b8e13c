package org.dialerd.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.core.DaemonThreads;
import org.dialerd.sim.AsteriskSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming demo traffic: a caller enters queue 8001 every {@link #INTERVAL}, some of them demo
 * contacts (042345678 matches two contacts), each hanging up after {@link #PATIENCE} unless the
 * agent ends the call first. Outgoing traffic is the dialer working through the demo campaign.
 */
final class DemoTraffic {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> CALLERS = List.of("042345678", "0987654321", "0991112233", "042345678",
            "0998887766");

    private DemoTraffic() {
    }

    static AutoCloseable start(AsteriskSimulator simulator) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("demo-traffic"));
        AtomicInteger next = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            String caller = CALLERS.get(next.getAndIncrement() % CALLERS.size());
            try {
                simulator.inboundCall(caller, "8001", PATIENCE);
            } catch (RuntimeException e) {
                log.warn("demo caller {} could not be placed: {}", caller, e.toString());
            }
        }, 10, INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return timer::shutdownNow;
    }
}
