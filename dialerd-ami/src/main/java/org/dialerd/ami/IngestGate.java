package org.dialerd.ami;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure on the AMI socket, so that nothing Asterisk sends is ever dropped.
 *
 * <p>asterisk-java's reader thread hands every packet to its event pump through a queue of
 * 20,000 that drops events <em>and responses</em> when full (one ERROR, "Event queue is full").
 * Measured here: a pump slowed down (a busy machine, a JIT still cold, a listener or logger that
 * takes a few hundred µs) fills it within seconds at Asterisk's burst rates. This gate keeps what
 * is in flight after the socket — packets the reader has parsed but the pump has not yet
 * dispatched, plus tasks queued on our own dispatch thread — under {@link #MAX_IN_FLIGHT}: before
 * the reader reads the next packet it waits here until there is room. While it waits nothing reads
 * the socket, so TCP flow control slows Asterisk down instead of anything being lost (Asterisk
 * buffers per manager session and, past its own limit, logs a warning; it does not drop silently).
 *
 * <p>The pump's backlog is not visible, so it is counted: {@link #packetRead} per packet the reader
 * gets, {@link #packetDispatched} per event or response the pump delivers. The two do not match
 * exactly (asterisk-java drops event types it has no class for, and adds synthetic ones), so a
 * pump that delivered nothing for {@link #IDLE_RESYNC} while the count says it is behind is taken
 * as empty and the count restarts from there. A wait that sees no progress at all for
 * {@link #STUCK} (a listener that never returns) gives up and reads on, logging once, rather than
 * wedging the connection: pings and replies must still flow.
 */
final class IngestGate {
    private static final Logger log = LoggerFactory.getLogger(IngestGate.class);

    /** Packets in flight past which the reader waits: a tenth of asterisk-java's 20,000. */
    static final int MAX_IN_FLIGHT = 2_000;
    static final Duration IDLE_RESYNC = Duration.ofMillis(50);
    static final Duration STUCK = Duration.ofSeconds(1);
    private static final long PARK_NANOS = 100_000;

    private final IntSupplier downstream;
    private final long idleResyncNanos;
    private final long stuckNanos;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dispatched = new AtomicLong();
    /** read − dispatched when the pump was last seen idle: what it will never deliver. */
    private volatile long uncounted;
    private final AtomicLong pauses = new AtomicLong();
    private volatile boolean stuckLogged;

    /** {@code downstream}: tasks queued behind the pump on our own dispatch thread. */
    IngestGate(IntSupplier downstream) {
        this(downstream, IDLE_RESYNC, STUCK);
    }

    IngestGate(IntSupplier downstream, Duration idleResync, Duration stuck) {
        this.downstream = downstream;
        this.idleResyncNanos = idleResync.toNanos();
        this.stuckNanos = stuck.toNanos();
    }

    /** The reader got one whole packet (its closing blank line); the pump will get it next. */
    void packetRead() {
        read.incrementAndGet();
    }

    /** The pump delivered an event or a response. */
    void packetDispatched() {
        dispatched.incrementAndGet();
    }

    /** Packets the pump still holds, as far as the count knows. */
    long pumpBacklog() {
        return Math.max(0, read.get() - dispatched.get() - uncounted);
    }

    long inFlight() {
        return pumpBacklog() + downstream.getAsInt();
    }

    /** Times the reader had to wait for room. */
    long pauses() {
        return pauses.get();
    }

    /** On the reader thread, before each packet: returns once there is room (or nothing moves). */
    void awaitRoom() {
        if (inFlight() <= MAX_IN_FLIGHT) {
            return;
        }
        pauses.incrementAndGet();
        long lastDispatched = dispatched.get();
        int lastDownstream = downstream.getAsInt();
        long lastPumpMove = System.nanoTime();
        long lastAnyMove = lastPumpMove;
        while (inFlight() > MAX_IN_FLIGHT) {
            LockSupport.parkNanos(PARK_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return; // the connection is closing; the flag stays set for the reader
            }
            long now = System.nanoTime();
            long d = dispatched.get();
            int q = downstream.getAsInt();
            if (d != lastDispatched) {
                lastDispatched = d;
                lastPumpMove = now;
                lastAnyMove = now;
            } else if (pumpBacklog() > 0 && now - lastPumpMove >= idleResyncNanos) {
                uncounted = read.get() - d; // the pump is idle: what the count still expects never comes
                lastPumpMove = now;
            }
            if (q < lastDownstream) {
                lastAnyMove = now;
            }
            lastDownstream = q;
            if (now - lastAnyMove >= stuckNanos) {
                if (!stuckLogged) {
                    stuckLogged = true;
                    log.warn("AMI events are not being handled ({} in flight, nothing delivered for {} ms); "
                            + "reading on without back-pressure", inFlight(), stuckNanos / 1_000_000);
                }
                return;
            }
        }
    }
}
