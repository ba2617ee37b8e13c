package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.dialerd.core.pbx.PbxEvent;

/** A gateway listener that keeps every event and lets the test thread wait for one. */
final class EventRecorder implements Consumer<PbxEvent> {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<PbxEvent> all = new ArrayList<>();
    private final BlockingQueue<PbxEvent> unread = new LinkedBlockingQueue<>();

    @Override
    public void accept(PbxEvent event) {
        synchronized (all) {
            all.add(event);
        }
        unread.add(event);
    }

    List<PbxEvent> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Reads on until an event of {@code type} arrives; fails the test after {@link #WAIT}. */
    <T extends PbxEvent> T await(Class<T> type) throws InterruptedException {
        return type.cast(await(type::isInstance, type.getSimpleName()));
    }

    PbxEvent await(Predicate<PbxEvent> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            PbxEvent e = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                return fail("no " + what + " within " + WAIT.toSeconds() + " s; got " + all());
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }
}
