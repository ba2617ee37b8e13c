package org.dialerd.sim.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.pbx.Queues;

/**
 * Load for benchmarks: many queue members and a stream of inbound callers, all scheduled on the
 * simulator's virtual clock (so a benchmark decides how fast time runs: advance in big steps for
 * throughput, or real-time mode for latency). Counts what happened from the event stream.
 *
 * <pre>
 * LoadGenerator load = new LoadGenerator(sim);
 * load.addMembers("8001", 1001, 200);                 // Local/1001..1200@agents answer after 1 s
 * load.inboundCalls("8001", 5000, Duration.ofMillis(50), Duration.ofSeconds(120));
 * sim.advance(Duration.ofMinutes(5));
 * </pre>
 */
public final class LoadGenerator {

    private final AsteriskSimulator sim;
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    public LoadGenerator(AsteriskSimulator sim) {
        this.sim = sim;
        sim.onEvent(e -> {
            events.incrementAndGet();
            switch (e.eventName()) {
                case "QueueCallerJoin": joined.incrementAndGet(); break;
                case "AgentConnect": connected.incrementAndGet(); break;
                case "QueueCallerAbandon": abandoned.incrementAndGet(); break;
                default: break;
            }
        });
    }

    /**
     * Adds {@code count} dynamic members Local/&lt;ext&gt;@agents (the recorded dialplan's phones that
     * answer after 1 s) as if QueueAdd had been sent, without a client.
     */
    public void addMembers(String queue, int firstExtension, int count) {
        if (count < 0 || firstExtension < 1000 || firstExtension + count > 2000) {
            throw new IllegalArgumentException("members must stay within the answering range 1000..1999 of "
                    + "[agents]; got first=" + firstExtension + " count=" + count);
        }
        sim.withPbx(pbx -> {
            Queues q = pbx.queues();
            for (int i = 0; i < count; i++) {
                String iface = "Local/" + (firstExtension + i) + "@agents";
                q.add(queue, iface, "Agent " + (firstExtension + i), iface, 0, false, "");
            }
        });
    }

    /**
     * Schedules {@code count} inbound callers into {@code queue}, one every {@code interval} of
     * virtual time from now; each hangs up after {@code patience} unless the agent ends first.
     */
    public void inboundCalls(String queue, int count, Duration interval, Duration patience) {
        if (count < 0 || interval.isNegative()) {
            throw new IllegalArgumentException("count must be >= 0 and interval >= 0");
        }
        sim.withPbx(pbx -> {
            for (int i = 0; i < count; i++) {
                String caller = Integer.toString(5_000_000 + i);
                pbx.scheduler().schedule(interval.toMillis() * i, () -> sim.inboundCall(caller, queue, patience));
            }
        });
    }

    public long callersJoined() {
        return joined.get();
    }

    public long callsConnected() {
        return connected.get();
    }

    public long callsAbandoned() {
        return abandoned.get();
    }

    public long eventsPublished() {
        return events.get();
    }
}
