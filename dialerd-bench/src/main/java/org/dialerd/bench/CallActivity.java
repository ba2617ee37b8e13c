package org.dialerd.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;

/**
 * Call activity from the simulator, which runs in the load tool's JVM (dialerd reaches it over
 * AMI on loopback, as it would a real Asterisk), and the delivery latency of its events.
 *
 * <p>Callers enter the incoming queue 8001 at a target rate and hang up after
 * {@code patience}. The simulator's event listener stamps each {@code QueueCallerJoin} with
 * {@link System#nanoTime()} as the PBX publishes it, just before it is written to the AMI
 * socket; the sessions that enabled callprogress receive dialerd's {@code callprogress}
 * {@code OnQueue} event for the same uniqueid, and the difference (one clock: both ends are in
 * this JVM) is the AMI event → ECCP event latency, through asterisk-java, the engine and the
 * ECCP fan-out.
 */
final class CallActivity implements AutoCloseable {
    static final String QUEUE = "8001";
    static final String CUSTOMERS = "bench-customers";
    private static final Duration STAMP_LIFETIME = Duration.ofSeconds(30);

    private final AsteriskSimulator simulator;
    private final Map<String, Long> joinedAt = new ConcurrentHashMap<>();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong joins = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong amiEvents = new AtomicLong();
    private volatile long joinsAtMark;
    private volatile long joinsAtEnd = -1;
    private volatile PhaseRecorder recorder;
    /** When the simulator created each campaign call's channel (System.nanoTime), in order. */
    private final ConcurrentLinkedQueue<Long> originates = new ConcurrentLinkedQueue<>();

    private CallActivity(AsteriskSimulator simulator) {
        this.simulator = simulator;
        // Before the write: a stamp taken after it (onEvent) could come later than the client's receipt.
        simulator.onEventBeforeSend(event -> {
            if ("QueueCallerJoin".equals(event.eventName())) {
                event.get("Uniqueid").ifPresent(id -> joinedAt.put(id, System.nanoTime()));
                joins.incrementAndGet();
            }
        });
        // One Newchannel per Originate of a campaign call: its Local ;1 half into bench-customers.
        simulator.onEvent(event -> {
            amiEvents.incrementAndGet();
            if ("Newchannel".equals(event.eventName()) && event.get("Channel")
                    .filter(c -> c.startsWith("Local/7") && c.contains("@" + CUSTOMERS + "-") && c.endsWith(";1"))
                    .isPresent()) {
                originates.add(System.nanoTime());
            }
        });
    }

    /** The recorded scenario (queues 8000/8001, agents 9000/9001), in real time. */
    static CallActivity start() {
        Scenario scenario = Scenario.recorded();
        for (int agent = 9002; agent <= 9004; agent++) {
            scenario.agent(String.valueOf(agent), "Agent " + agent);
        }
        // The originate scenario's customers (dialer.dial_template Local/{phone}@bench-customers):
        // 71... is busy at once, 72... answers and hangs up after 2 s of talk.
        scenario.dialplan().context(CUSTOMERS)
                .exten("_" + CallCenterDb.BUSY_PREFIX + "XXXXXXX", "NoOp()", "Busy(1)")
                .exten("_" + CallCenterDb.ANSWER_PREFIX + "XXXXXXX", "NoOp()", "Answer()", "Wait(2)", "Hangup()");
        AsteriskSimulator simulator = AsteriskSimulator.start(scenario, 0);
        simulator.startRealTime(1.0);
        return new CallActivity(simulator);
    }

    int amiPort() {
        return simulator.port();
    }

    /** Measures on these sessions (they must have enabled callprogress) into {@code into}. */
    void measureOn(List<EccpClient> monitors, PhaseRecorder into) {
        this.recorder = into;
        for (EccpClient monitor : monitors) {
            monitor.onEvent(this::onEccpEvent);
        }
    }

    private void onEccpEvent(XmlElement event) {
        long now = System.nanoTime();
        XmlElement progress = event.child("callprogress").orElse(null);
        if (progress == null || !"OnQueue".equals(progress.childText("new_status").orElse(""))) {
            return;
        }
        Long stamp = progress.childText("uniqueid").map(joinedAt::get).orElse(null);
        PhaseRecorder into = recorder;
        if (stamp == null || into == null) {
            unmatched.incrementAndGet();
            return;
        }
        into.record(now - stamp);
        delivered.incrementAndGet();
    }

    /** Places callers at {@code perSecond} on this thread until {@code endNanos}. */
    void run(double perSecond, Duration patience, long startNanos, long endNanos) {
        RateSchedule schedule = new RateSchedule(startNanos, perSecond);
        long lastSweep = startNanos;
        for (long i = 0; ; i++) {
            long due = schedule.intendedNanos(i);
            if (due >= endNanos) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            simulator.inboundCall(String.valueOf(7_000_000 + i), QUEUE, patience);
            placed.incrementAndGet();
            if (due - lastSweep > STAMP_LIFETIME.toNanos()) {
                long oldest = System.nanoTime() - STAMP_LIFETIME.toNanos();
                joinedAt.values().removeIf(stamp -> stamp < oldest);
                lastSweep = due;
            }
        }
    }

    /**
     * Waits up to {@code seconds} for every placed caller to have joined the queue and for every
     * join's event on every monitor; true when all came. A caller joins a few hundred ms after it
     * was placed (the simulator's dialplan runs first), so the callers placed in the last moments
     * join after the run's end: without the first wait their events were counted as expected but
     * not yet seen (the "41 of 11,696 events not seen" of an earlier run were such joins, late in
     * the simulator, not events lost by dialerd).
     */
    boolean drain(int monitors, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (joins.get() < placed.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        while (delivered.get() + unmatched.get() < joins.get() * monitors && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        return joins.get() >= placed.get() && delivered.get() + unmatched.get() >= joins.get() * monitors;
    }

    /** The originates of campaign calls the simulator saw so far, as System.nanoTime stamps. */
    List<Long> originates() {
        return List.copyOf(originates);
    }

    /** Members of {@code queue} in the simulated Asterisk. */
    int members(String queue) {
        return simulator.inPbx(p -> p.queues().find(queue).map(q -> q.membersInOrder().size()).orElse(0));
    }

    long placed() {
        return placed.get();
    }

    long joins() {
        return joins.get();
    }

    long delivered() {
        return delivered.get();
    }

    /** The steady state starts: the callers that join from now on are counted apart. */
    void markSteady() {
        joinsAtMark = joins.get();
    }

    void endSteady() {
        joinsAtEnd = joins.get();
    }

    /** Callers that joined the queue between {@link #markSteady} and {@link #endSteady} (or now). */
    long steadyJoins() {
        return (joinsAtEnd < 0 ? joins.get() : joinsAtEnd) - joinsAtMark;
    }

    /** AMI events the simulator published per placed caller, over the whole run. */
    double amiEventsPerCall() {
        return placed.get() == 0 ? 0 : (double) amiEvents.get() / placed.get();
    }

    long unmatched() {
        return unmatched.get();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
