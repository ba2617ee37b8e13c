package org.dialerd.jmh.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;

/**
 * One ingest measurement: an {@link AmiBlaster} writes {@code events} events as fast as it can
 * to a real {@link AmiGateway} while a sender thread sends a Getvar every {@code actionEvery};
 * the gateway's listener (where the engine's would be) counts what arrives and checks the order.
 */
public final class AmiIngestRun {

    /** What arrived, against what was sent. */
    public record Result(int eventsSent, long eventsExpected, long eventsReceived, long outOfOrder, int actionsSent,
                         long actionsAnswered, long actionsFailed, long wrongAnswers, long unknownResponses,
                         long lateResponses, long timedOutActions, long nanos, long readerCpuNanos,
                         long readerAllocatedBytes) {
        public double eventsPerSecond() {
            return eventsSent * 1e9 / nanos;
        }

        @Override
        public String toString() {
            return String.format("events sent %,d (to the engine %,d), received %,d, out of order %d; actions sent %,d,"
                            + " answered %,d, failed %d, wrong answer %d; unknown responses %d, late %d, timed out %d;"
                            + " %.0f ms, %,.0f events/s; asterisk-java reader thread: %.2f µs CPU and %,d bytes"
                            + " allocated per event", eventsSent, eventsExpected, eventsReceived, outOfOrder,
                    actionsSent, actionsAnswered, actionsFailed, wrongAnswers, unknownResponses, lateResponses,
                    timedOutActions, nanos / 1e6, eventsPerSecond(), readerCpuNanos / 1e3 / eventsSent,
                    readerAllocatedBytes / eventsSent);
        }
    }

    private AmiIngestRun() {
    }

    /**
     * Blasts {@code events} events and waits (at most {@code patience} after the blast was
     * written) for every translated one and every action's answer.
     */
    public static Result run(int events, Duration actionEvery, Duration patience) throws Exception {
        return run(events, actionEvery, patience, Duration.ofSeconds(5)); // dialerd's default ami.action_timeout
    }

    /** As {@link #run(int, Duration, Duration)}, with this action timeout. */
    public static Result run(int events, Duration actionEvery, Duration patience, Duration actionTimeout)
            throws Exception {
        AmiEventMix mix = new AmiEventMix();
        long expected = mix.translatedAmong(events);
        AtomicLong received = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();
        AtomicLong lastIndex = new AtomicLong(-1);
        AtomicLong lastArrival = new AtomicLong();
        try (AmiBlaster blaster = new AmiBlaster("dialerd", "secret");
             AmiGateway gateway = new AmiGateway(AmiSettings.of("127.0.0.1", "dialerd", "secret")
                     .withPort(blaster.port()).withActionTimeout(actionTimeout))) {
            gateway.addListener(event -> {
                long index = AmiEventMix.indexOf(uniqueId(event));
                if (index < 0) {
                    return; // Connected, or not one of the blast's
                }
                // Only the events thread writes these; the atomics publish them to the waiting thread.
                if (index <= lastIndex.get()) {
                    outOfOrder.incrementAndGet();
                }
                lastIndex.set(index);
                lastArrival.set(System.nanoTime());
                received.incrementAndGet();
            });
            gateway.start();
            if (!blaster.awaitLogin(Duration.ofSeconds(20)) || !await(gateway::isConnected, Duration.ofSeconds(20))) {
                throw new IllegalStateException("the gateway did not log in to the blaster within 20 s");
            }
            long[] readerBefore = readerThread();
            long start = System.nanoTime();
            CompletableFuture<Void> blast = blaster.blast(mix, events);
            List<CompletableFuture<PbxReply>> replies = new ArrayList<>();
            AtomicLong wrong = new AtomicLong();
            while (!blast.isDone()) {
                String variable = "V" + replies.size();
                replies.add(gateway.send(new PbxAction.GetVar("", variable)).whenComplete((reply, error) -> {
                    if (reply != null && !variable.equals(reply.fields().get("Value"))) {
                        wrong.incrementAndGet();
                    }
                }));
                LockSupport.parkNanos(actionEvery.toNanos());
            }
            blast.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            await(() -> received.get() >= expected, patience);
            long failed = 0;
            for (CompletableFuture<PbxReply> reply : replies) {
                try {
                    reply.get(patience.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    failed++;
                }
            }
            long end = received.get() >= expected ? lastArrival.get() : System.nanoTime();
            long[] readerAfter = readerThread();
            return new Result(events, expected, received.get(), outOfOrder.get(), replies.size(),
                    replies.size() - failed, failed, wrong.get(), gateway.unknownResponses(), gateway.lateResponses(),
                    gateway.timedOutActions(), end - start, readerAfter[0] - readerBefore[0],
                    readerAfter[1] - readerBefore[1]);
        }
    }

    /**
     * CPU nanoseconds and bytes allocated so far by asterisk-java's reader threads (parsing, bean
     * building, our socket filter): what a run costs there, independent of the machine's load.
     */
    private static long[] readerThread() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long allocated = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("Asterisk-Java ManagerConnection-") && name.contains("-Reader-")
                    && !name.contains("AsyncEventPump")) {
                cpu += Math.max(0, threads.getThreadCpuTime(thread.getId()));
                allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return new long[] {cpu, allocated};
    }

    private static String uniqueId(PbxEvent event) {
        if (event instanceof PbxEvent.NewChannel e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.AgentConnect e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.BridgeEnter e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.Hold e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.Unhold e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.BridgeLeave e) {
            return e.uniqueId();
        } else if (event instanceof PbxEvent.Hangup e) {
            return e.uniqueId();
        }
        return "";
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
