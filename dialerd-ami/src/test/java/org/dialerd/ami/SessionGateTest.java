package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionGateTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final PendingReplies pending = new PendingReplies(timer, dispatcher, new ResponseLedger());
    private final SessionGate gate = new SessionGate(dispatcher, pending);
    private final EventRecorder events = new EventRecorder();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void eventsThatBeatConnectEventComeRightAfterConnected() {
        dispatcher.addListener(events);
        PbxEvent early = new PbxEvent.Shutdown(false);
        PbxEvent during = new PbxEvent.MixMonitorStart("Local/1@x-00000001;1", "1.1");
        PbxEvent afterwards = new PbxEvent.MixMonitorStop("Local/1@x-00000001;1", "1.1");

        gate.event(early);
        gate.open("Asterisk 22");
        assertFalse(gate.open("Asterisk 22"), "one Connected per session");
        gate.event(during);
        gate.close("AMI connection lost");
        gate.event(afterwards);
        dispatcher.shutdown(Duration.ofSeconds(5));

        assertEquals(List.of(new PbxEvent.Connected("Asterisk 22"), early, during,
                new PbxEvent.Disconnected("AMI connection lost")), events.all());
    }

    @Test
    void closingFailsWhatIsPendingBeforeSayingDisconnected() {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher.addListener(e -> order.add(e.getClass().getSimpleName()));
        gate.open("Asterisk 22");
        PendingReplies.Pending reply = pending.register("QueueStatus", Duration.ofMinutes(1));
        reply.future.whenComplete((r, failure) -> order.add("failed"));

        gate.close("AMI connection lost");
        dispatcher.shutdown(Duration.ofSeconds(5));

        assertEquals(List.of("Connected", "failed", "Disconnected"), order);
        ExecutionException e = assertThrows(ExecutionException.class, reply.future::get);
        assertInstanceOf(PbxException.class, e.getCause());
        assertEquals("AMI connection lost before the answer to QueueStatus", e.getCause().getMessage());
    }
}
