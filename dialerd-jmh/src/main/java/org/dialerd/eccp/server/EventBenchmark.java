package org.dialerd.eccp.server;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.store.CallStore;
import org.dialerd.eccp.protocol.AgentEventXml;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Event serialization as {@link EventFanout} and {@link SessionRegistry} do it once per event:
 * the element tree (agentlinked of an outgoing call with its attributes and form data, as the
 * dialer's read-ahead gives them; agentunlinked from the engine's state) and the bytes every
 * receiver gets.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBenchmark extends AverageTimeBenchmark {
    private AgentEvent.AgentLinked linked;
    private Optional<Object> outgoing;
    private AgentEvent unlinked;

    @Setup
    public void setUp() {
        LocalDateTime t = LocalDateTime.of(2026, 12, 1, 10, 15, 30);
        CallLink call = new CallLink("outgoing", 4242, Optional.of(1), "5551234", "Local/5551234@customers-00000004;1",
                "1795339962.8", "8000", "SIP/troncal-1", t, t.plusSeconds(3), "Local/1001@agents-00000005;1",
                Optional.of(t.minusSeconds(12)), Optional.of(t.minusSeconds(2)));
        linked = new AgentEvent.AgentLinked("Agent/9000", call, 977);
        outgoing = Optional.of(new CallStore.OutgoingCall(4242, 1, "5551234", "Success", "1795339962.8", null,
                t.minusSeconds(12), t.minusSeconds(2), t, t.plusSeconds(3), null, 1, null, null, "Agent/9000",
                "SIP/troncal-1", List.of(new CallStore.CallAttribute("Nombre", "María José Pérez", 1),
                new CallStore.CallAttribute("Cédula", "0912345678", 2),
                new CallStore.CallAttribute("Deuda", "1.234,56", 3),
                new CallStore.CallAttribute("Dirección", "Av. 9 de Octubre & Malecón", 4)),
                List.of(new CallStore.SurveyValue(1, 1, "Nombre", "María"),
                        new CallStore.SurveyValue(1, 2, "Producto", "bbb"))));
        unlinked = new AgentEvent.AgentUnlinked("Agent/9000", call, t.plusSeconds(95), 92, false, 978);
    }

    @Benchmark
    public Object agentLinked() {
        return EventFormat.ECCP.encode(EventFanout.linkedXml(linked, outgoing)).message();
    }

    @Benchmark
    public Object agentUnlinked() {
        return EventFormat.ECCP.encode(AgentEventXml.toXml(unlinked)).message();
    }
}
