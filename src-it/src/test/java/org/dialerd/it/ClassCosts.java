package org.dialerd.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * What each integration test class cost its test JVM: one line per class in the file named by
 * {@code dialerd.it.costs}, appended to (src-it's pom gives each fork
 * {@code target/it-costs/fork-N.tsv} and empties that directory before the integration tests);
 * unset means nothing is written. {@code python3 src-it/it-costs.py} prints them. Columns: class, start (epoch ms), wall ms, this JVM's CPU ms,
 * the CPU ms of the processes it started (the fork's MariaDB, chromedriver and chromium,
 * a crash test's dialerd), and the load average at the start. Wall time minus CPU is what the
 * class waited: a wall time much above the CPU is waiting that a clock or a shorter fixed
 * duration could cut; a wall time near the CPU cannot go below it on a busy machine.
 *
 * <p>Children: {@code /proc/self/stat}'s cutime and cstime (children that ended and were waited
 * for, theirs included) plus utime, stime, cutime and cstime of every live descendant; a
 * process's time moves from the second sum to the first when it ends, so the difference over a
 * class counts each process once. Linux only; elsewhere the column is -1.
 */
public final class ClassCosts implements TestExecutionListener {
    private static final String PROPERTY = "dialerd.it.costs";
    private static final long TICK_MS = 10; // USER_HZ is 100 on every Linux this runs on

    private record Start(long epochMillis, long nanos, long cpuNanos, long childTicks, double load) {}

    private final Map<String, Start> started = new ConcurrentHashMap<>();
    private final Path file = file();

    private static Path file() {
        String configured = System.getProperty(PROPERTY);
        return configured == null || configured.isBlank() ? null : Path.of(configured);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (file != null && id.getSource().orElse(null) instanceof ClassSource) {
            started.put(id.getUniqueId(), new Start(System.currentTimeMillis(), System.nanoTime(), cpuNanos(),
                    childTicks(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Start start = file == null ? null : started.remove(id.getUniqueId());
        if (start == null || !(id.getSource().orElse(null) instanceof ClassSource source)) {
            return;
        }
        long children = childTicks();
        String line = String.format("%s\t%d\t%d\t%d\t%d\t%.1f%n", source.getClassName(), start.epochMillis(),
                (System.nanoTime() - start.nanos()) / 1_000_000, (cpuNanos() - start.cpuNanos()) / 1_000_000,
                children < 0 || start.childTicks() < 0 ? -1 : (children - start.childTicks()) * TICK_MS, start.load());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** CPU ticks of this JVM's descendants, ended ones included; -1 without /proc. */
    private static long childTicks() {
        long[] self = stat(ProcessHandle.current().pid());
        if (self == null) {
            return -1;
        }
        long ticks = self[2] + self[3];
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            long[] t = stat(child.pid());
            if (t != null) {
                ticks += t[0] + t[1] + t[2] + t[3];
            }
        }
        return ticks;
    }

    /** utime, stime, cutime, cstime of a process, or null when it is gone (or no /proc). */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
