package org.dialerd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;

/**
 * What one process spent over a window, from Linux's own accounting: user and system CPU time
 * ({@code /proc/PID/stat}), context switches of all its threads ({@code /proc/PID/task/* /status}:
 * a thread that blocks and is woken again counts one voluntary switch, so they count the thread
 * hand-offs and wake-ups), and, for a JVM reachable over JMX, the bytes its threads allocated.
 * Divided by the requests answered, these are per-request costs that do not depend on how loaded
 * the machine is (unlike the wall-clock rate). Also the read and write system calls
 * ({@code /proc/PID/io} syscr, syscw: a socket read or write, a wake-up of a Netty event loop from
 * another thread is a write too): one write per answer means one flush per answer; and the minor
 * page faults (memory touched for the first time: a heap or buffer pool that grows). Linux only;
 * elsewhere every figure is absent (NaN).
 */
final class ProcessCost {
    /** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux build in use). */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final ThreadMXBean threads;
    private Sample mark;
    private Sample end;

    /** A process; {@code jmx} is its MBean server for the allocated bytes (null: not measured). */
    ProcessCost(long pid, MBeanServerConnection jmx) {
        this.pid = pid;
        ThreadMXBean bean = null;
        try {
            bean = jmx == null ? ManagementFactory.getThreadMXBean()
                    : ManagementFactory.newPlatformMXBeanProxy(jmx, ManagementFactory.THREAD_MXBEAN_NAME,
                            com.sun.management.ThreadMXBean.class);
        } catch (IOException e) {
            // allocated bytes stay unmeasured
        }
        this.threads = bean;
        this.mark = sample();
    }

    /** The tool's own process (its figures include the simulator's threads, idle without --calls). */
    static ProcessCost self() {
        return new ProcessCost(ProcessHandle.current().pid(), null);
    }

    record Sample(double userSeconds, double systemSeconds, long voluntary, long involuntary, long allocated,
                  java.util.Map<String, Double> secondsByThread, java.util.Map<String, Long> switchesByThread,
                  long readCalls, long writeCalls, long minorFaults) {}

    /** A window's figures, per request. */
    record Window(double userMicros, double systemMicros, double voluntarySwitches, double involuntarySwitches,
                  double allocatedBytes, String byThread, double readCalls, double writeCalls,
                  double minorFaults) {
        String line() {
            return String.format(Locale.ROOT, "CPU %.1f µs (user %.1f, system %.1f), context switches %.2f"
                            + " (voluntary %.2f), read/write syscalls %.2f/%.2f, page faults %.3f, allocated %s;"
                            + " by thread (CPU µs/context switches): %s",
                    userMicros + systemMicros, userMicros, systemMicros,
                    voluntarySwitches + involuntarySwitches, voluntarySwitches, readCalls, writeCalls, minorFaults,
                    Double.isNaN(allocatedBytes) ? "not measured" : String.format(Locale.ROOT, "%.0f bytes",
                            allocatedBytes), byThread);
        }

        String fields(String prefix) {
            return String.format(Locale.ROOT, "%s_cpu_us=%.1f %s_sys_us=%.1f %s_cs=%.2f %s_alloc_b=%.0f"
                            + " %s_reads=%.2f %s_writes=%.2f %s_faults=%.3f", prefix,
                    userMicros + systemMicros, prefix, systemMicros, prefix, voluntarySwitches + involuntarySwitches,
                    prefix, allocatedBytes, prefix, readCalls, prefix, writeCalls, prefix, minorFaults);
        }
    }

    /** Starts the window. */
    void mark() {
        mark = sample();
        end = null;
    }

    /** Ends the window. */
    void end() {
        end = sample();
    }

    /** The window's figures (up to now if not ended), per {@code requests}. */
    Window perRequest(long requests) {
        Sample now = end != null ? end : sample();
        Sample before = mark;
        double n = Math.max(1, requests);
        java.util.Map<String, Double> cpu = new java.util.TreeMap<>();
        now.secondsByThread.forEach((name, seconds) -> cpu.put(name,
                (seconds - before.secondsByThread.getOrDefault(name, 0.0)) * 1e6 / n));
        String byThread = cpu.entrySet().stream()
                .filter(e -> e.getValue() >= 0.05 || now.switchesByThread.getOrDefault(e.getKey(), 0L)
                        - before.switchesByThread.getOrDefault(e.getKey(), 0L) >= n / 100)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f/%.2f", e.getKey(), e.getValue(),
                        (now.switchesByThread.getOrDefault(e.getKey(), 0L)
                                - before.switchesByThread.getOrDefault(e.getKey(), 0L)) / n))
                .collect(java.util.stream.Collectors.joining(", "));
        return new Window((now.userSeconds - before.userSeconds) * 1e6 / n,
                (now.systemSeconds - before.systemSeconds) * 1e6 / n, (now.voluntary - before.voluntary) / n,
                (now.involuntary - before.involuntary) / n,
                now.allocated < 0 || before.allocated < 0 ? Double.NaN : (now.allocated - before.allocated) / n,
                byThread, calls(now.readCalls, before.readCalls, n), calls(now.writeCalls, before.writeCalls, n),
                calls(now.minorFaults, before.minorFaults, n));
    }

    private static double calls(long now, long before, double requests) {
        return now < 0 || before < 0 ? Double.NaN : (now - before) / requests;
    }

    private Sample sample() {
        double user = Double.NaN;
        double system = Double.NaN;
        long faults = -1;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After "(comm)", which may hold spaces: state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            user = Long.parseLong(fields[11]) / TICKS_PER_SECOND;
            system = Long.parseLong(fields[12]) / TICKS_PER_SECOND;
            faults = Long.parseLong(fields[7]); // minflt: pages first touched (a heap that grows), not disk reads
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        long voluntary = 0;
        long involuntary = 0;
        java.util.Map<String, Double> secondsByThread = new java.util.HashMap<>();
        java.util.Map<String, Long> switchesByThread = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // Thread names without their numbers: "eccp-io-3-1" and "eccp-io-3-2" are one group.
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "N").replaceAll("\\s+", "_");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    long switches = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            long v = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            voluntary += v;
                            switches += v;
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            long v = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            involuntary += v;
                            switches += v;
                        }
                    }
                    secondsByThread.merge(name, seconds, Double::sum);
                    switchesByThread.merge(name, switches, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            voluntary = -1;
        }
        long[] io = ioCalls();
        return new Sample(user, system, voluntary, involuntary, allocated(), secondsByThread, switchesByThread,
                io[0], io[1], faults);
    }

    /** syscr and syscw of /proc/PID/io, -1 each where unreadable. */
    private long[] ioCalls() {
        long[] calls = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("syscr:")) {
                    calls[0] = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    calls[1] = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not ours to read
        }
        return calls;
    }

    private long allocated() {
        if (!(threads instanceof com.sun.management.ThreadMXBean bean)) {
            return -1;
        }
        try {
            long[] ids = bean.getAllThreadIds();
            return Arrays.stream(bean.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
