package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.EventFormat;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 2, "fed by the same fan-out (encoded once per format)": ECCP sessions and event
 * WebSockets share one {@link SessionRegistry}; each event is encoded once as XML and once as
 * JSON, whatever the number of subscribers of each, and every JSON subscriber's frame is a view
 * of the same bytes.
 */
class EventFanOutTest {
    private final SessionRegistry registry = new SessionRegistry(1 << 20);
    private final Counting xml = new Counting(EventFormat.ECCP);
    private final Counting json = new Counting(JsonEvents.INSTANCE);

    /** A real format that counts how often it encodes. */
    private static final class Counting implements EventFormat {
        private final EventFormat format;
        private int encodings;

        Counting(EventFormat format) {
            this.format = format;
        }

        @Override
        public Encoded encode(XmlElement event) {
            encodings++;
            return format.encode(event);
        }
    }

    private static XmlElement event(String name, String agent) {
        return XmlElement.of("event", XmlElement.of(name, XmlElement.text("agent", agent)));
    }

    private EmbeddedChannel subscribe(EventFormat format, String filter) {
        EccpSession session = new EccpSession("test");
        session.loggedIn("agentconsole", "cookie");
        if (filter != null) {
            session.filterByAgent(AgentNumber.parse(filter).orElseThrow());
        }
        EmbeddedChannel channel = new EmbeddedChannel();
        registry.subscribe(session, channel, format);
        return channel;
    }

    @Test
    void eachEventIsEncodedOnceAsXmlAndOnceAsJsonForAllTheirSubscribers() {
        List<EmbeddedChannel> eccp = List.of(subscribe(xml, null), subscribe(xml, null), subscribe(xml, "Agent/9000"));
        List<EmbeddedChannel> sockets = List.of(subscribe(json, null), subscribe(json, null),
                subscribe(json, "Agent/9000"));
        EmbeddedChannel otherAgent = subscribe(json, "Agent/9001");

        registry.publish("Agent/9000", event("agentloggedin", "Agent/9000"), false);

        assertEquals(1, xml.encodings, "XML encoded once for 3 ECCP sessions");
        assertEquals(1, json.encodings, "JSON encoded once for 3 WebSockets");
        for (EmbeddedChannel channel : eccp) {
            ByteBuf packet = channel.readOutbound();
            assertEquals("<?xml version=\"1.0\"?>\n<event><agentloggedin><agent>Agent/9000</agent></agentloggedin>"
                    + "</event>\n", packet.toString(StandardCharsets.US_ASCII));
        }
        List<byte[]> arrays = new ArrayList<>();
        for (EmbeddedChannel channel : sockets) {
            TextWebSocketFrame frame = channel.readOutbound();
            assertEquals("{\"type\":\"event\",\"event\":\"agentloggedin\",\"data\":{\"agent\":\"Agent/9000\"}}",
                    frame.text());
            arrays.add(frame.content().array());
        }
        assertSame(arrays.get(0), arrays.get(1), "one encoding shared by every WebSocket");
        assertSame(arrays.get(0), arrays.get(2));
        assertEquals(0, otherAgent.outboundMessages().size(), "filtered on another agent");
    }

    @Test
    void everyEventIsEncodedAgainButAFormatWithoutSubscribersNever() {
        subscribe(json, null);
        subscribe(json, "Agent/9000");

        registry.publish("Agent/9000", event("pausestart", "Agent/9000"), false);
        registry.publish("Agent/9000", event("pauseend", "Agent/9000"), false);
        registry.publishToAll(event("queuemembership", "Agent/9000"), false);

        assertEquals(3, json.encodings, "once per event");
        assertEquals(0, xml.encodings, "no ECCP session: no XML");
    }
}
