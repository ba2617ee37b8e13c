package org.dialerd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;

/**
 * How the simulator's events leave in real time, with nothing else running: the events
 * scenario's callers (queue 8001, {@code calls} per second, 2 s of patience) for {@code seconds},
 * every event stamped as it is handed to the AMI sessions. Events less than {@code gap} µs apart
 * count as one burst; for each QueueCallerJoin it prints how many events of its burst left before
 * it (what dialerd reads and handles before it gets to that event), and the CPU time of the
 * simulator's threads per call ({@code sim-engine}, and {@code sim-realtime} where a driver thread
 * exists). Burst sizes and events ahead do not depend on how fast dialerd is; on a loaded machine
 * late wake-ups merge bursts, so compare runs at the same load.
 *
 * <pre>
 * java -cp dialerd-bench/target/dialerd-bench-0.1.0-SNAPSHOT.jar org.dialerd.bench.SimulatorBursts [calls 200] [seconds 10] [gap µs 300]
 * </pre>
 */
public final class SimulatorBursts {
    private static final int MAX_EVENTS = 2_000_000;

    private SimulatorBursts() {
    }

    public static void main(String[] args) {
        double perSecond = args.length > 0 ? Double.parseDouble(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long gapNanos = (args.length > 2 ? Long.parseLong(args[2]) : 300) * 1_000L;
        long[] stamps = new long[MAX_EVENTS];
        boolean[] joins = new boolean[MAX_EVENTS];
        int[] count = new int[1];
        Scenario scenario = Scenario.recorded();
        for (int agent = 9002; agent <= 9004; agent++) {
            scenario.agent(String.valueOf(agent), "Agent " + agent);
        }
        try (AsteriskSimulator sim = AsteriskSimulator.start(scenario, 0)) {
            sim.onEventBeforeSend(event -> { // engine thread only
                int n = count[0];
                if (n < MAX_EVENTS) {
                    stamps[n] = System.nanoTime();
                    joins[n] = "QueueCallerJoin".equals(event.eventName());
                    count[0] = n + 1;
                }
            });
            sim.startRealTime(1.0);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] cpuBefore = simThreadsCpu(threads);
            RateSchedule schedule = new RateSchedule(System.nanoTime(), perSecond);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long placed = 0;
            for (long i = 0; ; i++) {
                long due = schedule.intendedNanos(i);
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sim.inboundCall(String.valueOf(7_000_000 + i), "8001", Duration.ofSeconds(2));
                placed++;
            }
            long[] cpuAfter = simThreadsCpu(threads);
            int n = sim.inPbx(p -> count[0]);
            report(stamps, joins, n, gapNanos, placed, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
        }
    }

    private static void report(long[] stamps, boolean[] joins, int n, long gapNanos, long placed, long engineCpu,
                               long driverCpu) {
        int bursts = 0;
        int largest = 0;
        int burstStart = 0;
        int[] ahead = new int[n];
        int joined = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && stamps[i] - stamps[i - 1] >= gapNanos) {
                bursts++;
                largest = Math.max(largest, i - burstStart);
                burstStart = i;
            }
            if (joins[i]) {
                ahead[joined++] = i - burstStart;
            }
        }
        if (n > 0) {
            bursts++;
            largest = Math.max(largest, n - burstStart);
        }
        Arrays.sort(ahead, 0, joined);
        System.out.printf(Locale.ROOT, "%d calls placed, %d AMI events in %d bursts (gap >= %d µs): %.1f events per"
                        + " burst, largest %d%n", placed, n, bursts, gapNanos / 1000, bursts == 0 ? 0.0 : (double) n / bursts,
                largest);
        System.out.printf(Locale.ROOT, "QueueCallerJoin: %d; events ahead of it in its burst p50 %d p90 %d p99 %d max %d%n",
                joined, at(ahead, joined, 0.50), at(ahead, joined, 0.90), at(ahead, joined, 0.99),
                joined == 0 ? 0 : ahead[joined - 1]);
        System.out.printf(Locale.ROOT, "simulator CPU per call: sim-engine %.1f µs, sim-realtime %.1f µs%n",
                engineCpu / 1e3 / Math.max(1, placed), driverCpu / 1e3 / Math.max(1, placed));
    }

    private static int at(int[] sorted, int n, double p) {
        return n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
    }

    /** CPU nanoseconds so far of {sim-engine, sim-realtime}. */
    private static long[] simThreadsCpu(ThreadMXBean threads) {
        long[] cpu = new long[2];
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            int slot = switch (info.getThreadName()) {
                case "sim-engine" -> 0;
                case "sim-realtime" -> 1;
                default -> -1;
            };
            if (slot >= 0) {
                cpu[slot] += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
