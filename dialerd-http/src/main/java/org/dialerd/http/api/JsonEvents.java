package org.dialerd.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.dialerd.eccp.server.EventFormat;
import org.dialerd.eccp.xml.XmlElement;

/**
 * ECCP events as JSON: {@code <event><agentloggedin><agent>Agent/9000</agent>…} becomes
 * {@code {"type":"event","event":"agentloggedin","data":{"agent":"Agent/9000"}}}. As a
 * {@link EventFormat} the bytes are made once per event and each WebSocket subscriber gets a
 * text frame over the same bytes.
 */
public final class JsonEvents implements EventFormat {
    public static final JsonEvents INSTANCE = new JsonEvents();

    private JsonEvents() {
    }

    /** The event's name: the element inside {@code <event>}. */
    public static String name(XmlElement event) {
        return event.children().isEmpty() ? event.name() : event.children().get(0).name();
    }

    /** {@code {"type":"event","event":…,"data":…}}, as a tree to add to (webhooks add id and time). */
    public static ObjectNode message(XmlElement event) {
        XmlElement body = event.children().isEmpty() ? event : event.children().get(0);
        ObjectNode message = ApiResponses.MAPPER.createObjectNode().put("type", "event").put("event", body.name());
        message.set("data", XmlJson.toJson(body));
        return message;
    }

    public static byte[] bytes(ObjectNode message) {
        try {
            return ApiResponses.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // our own tree always writes
        }
    }

    @Override
    public Encoded encode(XmlElement event) {
        byte[] bytes = bytes(message(event));
        return () -> new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes));
    }
}
