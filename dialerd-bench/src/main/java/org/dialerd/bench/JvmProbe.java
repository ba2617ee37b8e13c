package org.dialerd.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * dialerd's JVM seen over JMX: CPU used (process CPU time over wall time, in cores), GC pauses
 * (every collection's duration from the GC notifications: count, total, longest) and the heap
 * used right after a full collection it asks for.
 */
final class JvmProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final OperatingSystemMXBean os;
    private final MemoryMXBean memory;
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private final AtomicLong longestPauseMillis = new AtomicLong();
    /** The load tool's own GC pauses: a pause here delays the receipt of the events it measures. */
    private final AtomicLong toolPauses = new AtomicLong();
    private final AtomicLong toolPauseMillis = new AtomicLong();
    private final AtomicLong toolLongestPauseMillis = new AtomicLong();
    private final OperatingSystemMXBean toolOs =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuMarkNanos;
    private long toolCpuMarkNanos;
    private long wallMarkNanos;

    private JvmProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.os = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                OperatingSystemMXBean.class);
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        for (GarbageCollectorMXBean gc : ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class)) {
            try {
                server.addNotificationListener(gc.getObjectName(), this::onGc, null, null);
            } catch (javax.management.InstanceNotFoundException e) {
                throw new IllegalStateException("GC bean vanished: " + gc.getObjectName(), e);
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ManagementFactory.getPlatformMBeanServer().addNotificationListener(gc.getObjectName(),
                        (notification, handback) -> counted(notification, toolPauses, toolPauseMillis,
                                toolLongestPauseMillis), null, null);
            } catch (javax.management.InstanceNotFoundException e) {
                throw new IllegalStateException("GC bean vanished: " + gc.getObjectName(), e);
            }
        }
        mark();
    }

    static JvmProbe connect(int jmxPort) {
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            return new JvmProbe(JMXConnectorFactory.connect(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach dialerd's JMX on port " + jmxPort, e);
        }
    }

    private void onGc(Notification notification, Object handback) {
        counted(notification, pauses, pauseMillis, longestPauseMillis);
    }

    private static void counted(Notification notification, AtomicLong pauses, AtomicLong pauseMillis,
                                AtomicLong longestPauseMillis) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        // Concurrent cycles (G1's "G1 Concurrent GC") run beside the application: not pauses.
        if (info.getGcName().contains("Concurrent")) {
            return;
        }
        long millis = info.getGcInfo().getDuration();
        pauses.incrementAndGet();
        pauseMillis.addAndGet(millis);
        longestPauseMillis.accumulateAndGet(millis, Math::max);
    }

    /** dialerd's MBean server (for {@link ProcessCost}'s allocated bytes). */
    MBeanServerConnection server() {
        return server;
    }

    /** Starts a measuring window: CPU and GC pauses from now. */
    void mark() {
        cpuMarkNanos = os.getProcessCpuTime();
        toolCpuMarkNanos = toolOs.getProcessCpuTime();
        wallMarkNanos = System.nanoTime();
        pauses.set(0);
        pauseMillis.set(0);
        longestPauseMillis.set(0);
        toolPauses.set(0);
        toolPauseMillis.set(0);
        toolLongestPauseMillis.set(0);
    }

    /** Cores used since {@link #mark} (2.0 = both cores of the machine, all the time). */
    double coresSinceMark() {
        long wall = System.nanoTime() - wallMarkNanos;
        return wall > 0 ? (os.getProcessCpuTime() - cpuMarkNanos) / (double) wall : 0;
    }

    /** The load tool's own cores since {@link #mark}: the client and the simulator share the machine. */
    double toolCoresSinceMark() {
        long wall = System.nanoTime() - wallMarkNanos;
        return wall > 0 ? (toolOs.getProcessCpuTime() - toolCpuMarkNanos) / (double) wall : 0;
    }

    /** Heap used after a full GC (System.gc in dialerd), in MiB. Call after the load, not during it. */
    double heapAfterGcMiB() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    double heapMaxMiB() {
        return memory.getHeapMemoryUsage().getMax() / (1024.0 * 1024.0);
    }

    String gcLine() {
        return String.format(Locale.ROOT, "GC pauses %d, total %d ms, longest %d ms (load tool: %d, total %d ms,"
                        + " longest %d ms)", pauses.get(), pauseMillis.get(), longestPauseMillis.get(), toolPauses.get(),
                toolPauseMillis.get(), toolLongestPauseMillis.get());
    }

    String gcFields() {
        return "gc_pauses=" + pauses.get() + " gc_pause_ms=" + pauseMillis.get() + " gc_longest_ms="
                + longestPauseMillis.get() + " tool_gc_pauses=" + toolPauses.get() + " tool_gc_longest_ms="
                + toolLongestPauseMillis.get();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // dialerd may already be gone: nothing left to release
        }
    }
}
