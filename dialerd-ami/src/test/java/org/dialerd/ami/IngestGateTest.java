package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IngestGateTest {
    private static final Duration NEVER = Duration.ofMinutes(10);
    private final AtomicInteger downstream = new AtomicInteger();

    @Test
    void theReaderGoesOnAtOnceWhileLittleIsInFlight() {
        IngestGate gate = new IngestGate(downstream::get, NEVER, NEVER);
        read(gate, IngestGate.MAX_IN_FLIGHT);

        gate.awaitRoom();

        assertEquals(0, gate.pauses());
    }

    @Test
    void theReaderWaitsWhileThePumpIsBehindAndGoesOnOnceItCatchesUp() throws Exception {
        IngestGate gate = new IngestGate(downstream::get, NEVER, NEVER);
        read(gate, IngestGate.MAX_IN_FLIGHT + 500);

        CompletableFuture<Void> reader = CompletableFuture.runAsync(gate::awaitRoom);
        awaitPauses(gate);
        assertFalse(reader.isDone(), "waiting with " + gate.inFlight() + " in flight");
        for (int i = 0; i < 500; i++) {
            gate.packetDispatched();
        }

        reader.get(10, TimeUnit.SECONDS);
        assertEquals(IngestGate.MAX_IN_FLIGHT, gate.inFlight());
    }

    @Test
    void tasksQueuedOnTheDispatchThreadCountAsInFlight() throws Exception {
        IngestGate gate = new IngestGate(downstream::get, NEVER, NEVER);
        downstream.set(IngestGate.MAX_IN_FLIGHT + 1);

        CompletableFuture<Void> reader = CompletableFuture.runAsync(gate::awaitRoom);
        awaitPauses(gate);
        assertFalse(reader.isDone());
        downstream.set(10);

        reader.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPumpThatDeliversNothingIsTakenAsEmptyAndTheCountRestarts() throws Exception {
        // asterisk-java drops packets of event types it has no class for: the count overestimates.
        IngestGate gate = new IngestGate(downstream::get, Duration.ofMillis(20), NEVER);
        read(gate, IngestGate.MAX_IN_FLIGHT + 500);

        CompletableFuture.runAsync(gate::awaitRoom).get(10, TimeUnit.SECONDS);

        assertEquals(0, gate.pumpBacklog());
        gate.packetRead();
        assertEquals(1, gate.pumpBacklog());
    }

    @Test
    void aListenerThatNeverReturnsDoesNotWedgeTheConnection() throws Exception {
        IngestGate gate = new IngestGate(downstream::get, NEVER, Duration.ofMillis(50));
        downstream.set(IngestGate.MAX_IN_FLIGHT + 1);

        CompletableFuture.runAsync(gate::awaitRoom).get(10, TimeUnit.SECONDS);

        assertEquals(1, gate.pauses());
    }

    private static void read(IngestGate gate, int packets) {
        for (int i = 0; i < packets; i++) {
            gate.packetRead();
        }
    }

    private static void awaitPauses(IngestGate gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.pauses() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, gate.pauses(), "the reader started waiting");
    }
}
