package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gateway reports to {@link AmiMetrics}: events by type, actions by outcome, dropped responses. */
class AmiGatewayMetricsTest {
    private static final Duration WAIT = EventRecorder.WAIT;

    private final List<String> eventTypes = new CopyOnWriteArrayList<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<AmiMetrics.Dropped> dropped = new CopyOnWriteArrayList<>();
    private final AmiMetrics metrics = new AmiMetrics() {
        @Override
        public void eventReceived(String type) {
            eventTypes.add(type);
        }

        @Override
        public void actionFinished(String action, Outcome outcome, long durationNanos) {
            actions.add(action + " " + outcome.label() + (durationNanos >= 0 ? "" : " negative"));
        }

        @Override
        public void responseDropped(Dropped why) {
            dropped.add(why);
        }
    };
    private final EventRecorder events = new EventRecorder();
    private FakeAmiServer server;
    private AmiGateway gateway;

    @AfterEach
    void close() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void countsEventsByTheirAmiNameAndActionsByHowTheyEnded() throws Exception {
        server = new FakeAmiServer("dialerd", "dialerd");
        gateway = new AmiGateway(TestSettings.forPort(server.port()).withActionTimeout(Duration.ofMillis(300)),
                metrics);
        gateway.addListener(events);
        gateway.start();
        events.await(PbxEvent.Connected.class);
        AmiTrace trace = AmiTrace.load("12");
        server.answer("GetVar", trace.answerTo("a3-getvar"));
        server.ignore("Command");

        gateway.send(new PbxAction.GetVar("Local/556030@customers-00000042;1", "ID_CAMPAIGN"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThrows(ExecutionException.class, () -> gateway.send(new PbxAction.Command("core show uptime"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        server.write(trace.segments().get(0).events().subList(0, 1));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (eventTypes.stream().noneMatch(t -> t.equals(trace.segments().get(0).events().get(0).name()))
                && System.nanoTime() < deadline) {
            Thread.sleep(5); // polling interval
        }

        assertTrue(actions.containsAll(List.of("GetVar answered", "Command timeout")), actions.toString());
        assertTrue(eventTypes.contains("Connect"), "the connection's own event counts too: " + eventTypes);
        assertTrue(eventTypes.contains(trace.segments().get(0).events().get(0).name()), eventTypes.toString());
    }

    @Test
    void reportsALateAndAnUnknownResponseAsDropped() throws Exception {
        server = new FakeAmiServer("dialerd", "dialerd");
        gateway = new AmiGateway(TestSettings.forPort(server.port()).withActionTimeout(Duration.ofMillis(300)),
                metrics);
        gateway.addListener(events);
        gateway.start();
        events.await(PbxEvent.Connected.class);
        server.ignore("QueuePause");
        assertThrows(ExecutionException.class, () -> gateway.send(new PbxAction.QueuePause("", "SIP/1001", true, "x"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        String wireId = server.awaitAction("QueuePause", WAIT).get("ActionID");

        server.write(List.of(AmiPacket.of("Response: Success", "ActionID: " + wireId, "Message: paused"),
                AmiPacket.of("Response: Success", "ActionID: 1234_99#not-ours", "Message: stray")));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (dropped.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5); // polling interval
        }

        assertEquals(List.of(AmiMetrics.Dropped.LATE, AmiMetrics.Dropped.UNKNOWN), dropped);
        assertEquals(1, gateway.lateResponses());
        assertEquals(1, gateway.unknownResponses());
    }

    @Test
    void namesEventClassesAsAsteriskDoes() {
        assertEquals("AgentConnect", AmiEventNames.of(
                org.asteriskjava.manager.event.AgentConnectEvent.class));
        assertEquals("Agents", AmiEventNames.of(org.dialerd.ami.internal.AgentsFixedEvent.class));
        assertEquals("MixMonitorMute", AmiEventNames.of(org.dialerd.ami.internal.MixMonitorMuteEvent.class));
    }
}
