package org.dialerd.sim.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiActionReaderTest {

    private static AmiActionReader reader(String wire) {
        return new AmiActionReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsActionsInOrderKeepingRepeatedHeaders() throws Exception {
        AmiActionReader r = reader("Action: Originate\r\nVariable: A=1\r\nVariable: B=2\r\n\r\nAction: Ping\r\n\r\n");
        AmiMessage first = r.read();
        assertEquals("Originate", first.getOrEmpty("action"));
        assertEquals(List.of("A=1", "B=2"), first.getAll("Variable"));
        assertEquals("Ping", r.read().getOrEmpty("Action"));
        assertNull(r.read());
    }

    @Test
    void toleratesBareLineFeedsAndStrayBlankLines() throws Exception {
        AmiMessage m = reader("\n\nAction: Logoff\nActionID: 7\n\n").read();
        assertEquals("7", m.getOrEmpty("ActionID"));
    }

    @Test
    void keepsValuesWithColonsAndTrailingSpaces() throws Exception {
        AmiMessage m = reader("Action: QueuePause\r\nReason: Break: lunch \r\n\r\n").read();
        assertEquals("Break: lunch ", m.getOrEmpty("Reason"));
    }

    @Test
    void refusesOverlongLinesNamingTheLimit() {
        String longLine = "Action: " + "x".repeat(AmiActionReader.MAX_LINE) + "\r\n\r\n";
        AmiProtocolException e = assertThrows(AmiProtocolException.class, () -> reader(longLine).read());
        assertTrue(e.getMessage().contains("MAX_LINE"));
    }

    @Test
    void refusesTooManyHeadersNamingTheLimit() {
        String many = "Action: Ping\r\n" + "X: y\r\n".repeat(AmiActionReader.MAX_HEADERS) + "\r\n";
        AmiProtocolException e = assertThrows(AmiProtocolException.class, () -> reader(many).read());
        assertTrue(e.getMessage().contains("MAX_HEADERS"));
    }

    @Test
    void encodesPacketsWithCrLfAndTerminatingBlankLine() {
        AmiMessage m = AmiMessage.response("Success", "a1").add("Ping", "Pong").build();
        assertEquals("Response: Success\r\nActionID: a1\r\nPing: Pong\r\n\r\n", m.toWire());
    }
}
