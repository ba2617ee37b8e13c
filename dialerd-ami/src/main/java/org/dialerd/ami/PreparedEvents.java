package org.dialerd.ami;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.ami.internal.DialerdPreparedEvent;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events translated on asterisk-java's reader thread ({@link RawEvents}) waiting for their
 * {@link DialerdPreparedEvent} marker to come out of asterisk-java's event pump, where they are
 * delivered in the marker's place: same order, same thread, same ingest accounting as the bean
 * they replace. The reader adds in wire order and the pump takes in the same order, so the entry
 * for a marker is the head of the queue; older entries at the head (a marker asterisk-java never
 * delivered) are discarded with a warning rather than delivered late.
 */
final class PreparedEvents {
    private static final Logger log = LoggerFactory.getLogger(PreparedEvents.class);

    /** The marker's name on the wire (class name minus "Event", as asterisk-java registers it). */
    static final String MARKER = "DialerdPrepared";

    record Prepared(long id, String countedAs, PbxEvent event) {}

    private final ConcurrentLinkedQueue<Prepared> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    /** Reader thread: keeps {@code event} and returns the marker packet's lines (without the blank line). */
    List<String> prepare(String countedAs, PbxEvent event) {
        long id = ids.incrementAndGet();
        waiting.add(new Prepared(id, countedAs, event));
        return List.of("Event: " + MARKER, "PreparedId: " + id);
    }

    /** Event pump: the event the marker stands for, or null if it is unknown (then nothing is delivered). */
    Prepared take(DialerdPreparedEvent marker) {
        long id;
        try {
            id = Long.parseLong(marker.getPreparedId());
        } catch (NumberFormatException e) {
            log.warn("AMI prepared-event marker without a valid id: {}", marker.getPreparedId());
            return null;
        }
        while (true) {
            Prepared head = waiting.peek();
            if (head == null || head.id() > id) {
                log.warn("AMI prepared event {} not found (already taken or never prepared)", id);
                return null;
            }
            waiting.poll();
            if (head.id() == id) {
                return head;
            }
            log.warn("AMI prepared event {} ({}) discarded: asterisk-java never delivered its marker ({} so far)",
                    head.id(), head.countedAs(), discarded.incrementAndGet());
        }
    }

    /** Events prepared so far. */
    long prepared() {
        return ids.get();
    }

    /** Entries waiting for their marker (0 when the pump has caught up). */
    int waiting() {
        return waiting.size();
    }
}
