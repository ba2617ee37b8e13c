package org.dialerd.http.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class PbxConnectionWatchTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** A PBX whose connection the test switches, with or without telling the listeners. */
    static final class SwitchablePbx implements PbxGateway {
        volatile boolean connected;
        final List<Consumer<PbxEvent>> listeners = new ArrayList<>();

        void set(boolean up, boolean announce) {
            connected = up;
            if (announce) {
                PbxEvent event = up ? new PbxEvent.Connected("Asterisk 22") : new PbxEvent.Disconnected("lost");
                listeners.forEach(l -> l.accept(event));
            }
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public CompletableFuture<PbxReply> send(PbxAction action) {
            return CompletableFuture.completedFuture(PbxReply.ok("ok"));
        }

        @Override
        public void addListener(Consumer<PbxEvent> listener) {
            listeners.add(listener);
        }
    }

    @Test
    void datesEachChangeOfTheConnection() {
        ManualClock clock = new ManualClock(T0);
        SwitchablePbx pbx = new SwitchablePbx();
        PbxConnectionWatch watch = PbxConnectionWatch.of(pbx, clock);
        assertEquals(new PbxConnectionWatch.State(false, T0), watch.current());

        clock.advance(Duration.ofSeconds(3));
        pbx.set(true, true);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(new PbxConnectionWatch.State(true, T0.plusSeconds(3)), watch.current());

        pbx.set(false, false); // the Disconnected event is still on its way
        assertEquals(new PbxConnectionWatch.State(false, T0.plusSeconds(63)), watch.current());
        clock.advance(Duration.ofSeconds(1));
        pbx.set(false, true);
        assertEquals(new PbxConnectionWatch.State(false, T0.plusSeconds(63)), watch.current(), "same outage");
    }
}
