package org.dialerd.eccp.handler;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Dialing;
import org.dialerd.core.store.CampaignStore.ExternalUrl;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.FormField;
import org.dialerd.eccp.handler.campaign.CampaignInfoXml;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Answers as the handlers build them and the encoder writes them: the element tree from the
 * engine's view or the campaign record, then the bytes on the wire (declaration, document,
 * newline, as {@code EccpPacketEncoder} writes them). The inputs live in the state, so nothing is
 * folded into a constant; each benchmark returns the bytes, which JMH consumes.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializationBenchmark extends AverageTimeBenchmark {
    private AgentView onCall;
    private AgentView paused;
    private LocalDate today;
    private Campaign campaign;
    private String id;

    @Setup
    public void setUp() {
        today = LocalDate.of(2026, 12, 1);
        LocalDateTime t = today.atTime(10, 15, 30);
        Agent agent = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("9000"));
        CallLink call = new CallLink("outgoing", 4242, Optional.of(1), "5551234", "Local/5551234@customers-00000004;1",
                "1795339962.8", "8000", "SIP/troncal-1", t, t.plusSeconds(3), "Local/1001@agents-00000005;1",
                Optional.of(t.minusSeconds(12)), Optional.of(t.minusSeconds(2)));
        onCall = AgentView.builder(agent, AgentStatus.ONCALL).channel("Agent/9000").extension("1001")
                .queues(List.of("8000", "8001")).loginStart(t.minusHours(2)).call(call).build();
        paused = AgentView.builder(agent, AgentStatus.PAUSED).channel("Agent/9000").extension("1001")
                .pause(new AgentView.Pause(2, "Almuerzo", t.minusMinutes(20))).queues(List.of("8000"))
                .loginStart(t.minusHours(2)).build();
        campaign = new Campaign(CampaignType.OUTGOING, 2, "Campaña cobranza", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), LocalTime.of(8, 0), LocalTime.of(18, 0, 5), Optional.of("8000"), "A",
                "<p>Buenos d&iacute;as &quot;Co &amp; Co&quot;, le llamamos de parte de la empresa para "
                        + "confirmar sus datos.</p>\n<p>Pregunte por el titular.</p>",
                Optional.of(new Dialing(3, Optional.of("SIP/troncal-1"), "from-internal", 5)),
                Optional.of(new ExternalUrl("http://crm/?a={__CALL_ID__}&b={Cédula}", "window")), List.of(
                new Form(1, "Encuesta de satisfacción", "Preguntas & respuestas", "A", List.of(
                        new FormField(1, 1, "Nombre", "TEXT", ""),
                        new FormField(2, 2, "Producto", "LIST", "aaa,bbb,ccc"),
                        new FormField(3, 3, "Fecha", "DATE", " 2011-01-01 "),
                        new FormField(4, 4, "Comentarios", "TEXTAREA", "\tSin comentarios\n"),
                        new FormField(5, 5, "Etiqueta", "LABEL", "texto"))),
                new Form(2, "Pago", "", "A", List.of(new FormField(8, 1, "Pago", "LIST", "Efectivo,Tarjeta,"),
                        new FormField(9, 2, "Monto", "TEXT", "0")))));
        id = "2";
    }

    @Benchmark
    public byte[] getAgentStatusOnCall() {
        return packet(XmlElement.builder(RequestName.GETAGENTSTATUS.responseName())
                .addAll(AgentHandlers.statusElements(Optional.of(onCall), today)).build());
    }

    @Benchmark
    public byte[] getAgentStatusPaused() {
        return packet(XmlElement.builder(RequestName.GETAGENTSTATUS.responseName())
                .addAll(AgentHandlers.statusElements(Optional.of(paused), today)).build());
    }

    @Benchmark
    public byte[] getCampaignInfo() {
        return packet(CampaignInfoXml.toXml(campaign));
    }

    private byte[] packet(XmlElement body) {
        StringBuilder text = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n");
        XmlWriter.write(Replies.response(id, body), text);
        return text.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
