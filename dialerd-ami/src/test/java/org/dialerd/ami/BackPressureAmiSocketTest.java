package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.ami.internal.DialerdPreparedEvent;
import org.dialerd.core.pbx.PbxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BackPressureSocket} over our own {@link AmiSocket} (a real loopback connection), as the
 * gateway reads with the raw path on: noise dropped undecoded, the busiest events replaced by a
 * {@link PreparedEvents} marker, everything else passed untouched.
 */
class BackPressureAmiSocketTest {
    private final List<String> skipped = new ArrayList<>();
    private final PreparedEvents prepared = new PreparedEvents();
    private ServerSocket server;
    private Socket peer;
    private BackPressureSocket socket;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AmiSocket ami = AmiSocket.connect("127.0.0.1", server.getLocalPort(), 2_000, 5_000);
        peer = server.accept();
        socket = new BackPressureSocket(ami, new IngestGate(() -> 0), skipped::add, () -> false, prepared,
                () -> true);
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        peer.close();
        server.close();
    }

    @Test
    void dropsNoiseAndPassesWhatIsNeededIntact() throws IOException {
        List<String> read = readAll("Event: Newexten", "Channel: SIP/1-1", "Extension: 8001", "",
                "Event: DeviceStateChange", "Device: SIP/1", "State: INUSE", "ActionID: 12#d-3", "",
                "Event: VarSet", "Channel: SIP/1-1", "Variable: BRIDGEPEER", "Value: x", "",
                "Event: VarSet", "Channel: SIP/1-1", "variable:  MIXMONITOR_FILENAME ", "Value: /r/é.wav", "",
                "Event: Newstate", "Channel: SIP/1-1", "ActionId: 7", "");
        assertEquals(List.of("Event: DeviceStateChange", "Device: SIP/1", "State: INUSE", "ActionID: 12#d-3", "",
                "Event: VarSet", "Channel: SIP/1-1", "variable:  MIXMONITOR_FILENAME ", "Value: /r/é.wav", "",
                "Event: Newstate", "Channel: SIP/1-1", "ActionId: 7", ""), read);
        assertEquals(List.of("NewExten", "VarSet"), skipped);
    }

    @Test
    void replacesABusyEventByAMarkerForItsRecord() throws IOException {
        List<String> read = readAll("Event: QueueCallerJoin", "Queue: 8001", "Channel: SIP/2-1", "Uniqueid: 2.1",
                "CallerIDNum: <unknown>", "Position: 1", "Count: 1", "",
                "Event: Hangup", "ActionID: 5", "Channel: SIP/2-1", "");

        assertEquals(List.of("Event: DialerdPrepared", "PreparedId: 1", "",
                "Event: Hangup", "ActionID: 5", "Channel: SIP/2-1", ""), read);
        DialerdPreparedEvent marker = new DialerdPreparedEvent(this);
        marker.setPreparedId("1");
        PreparedEvents.Prepared event = prepared.take(marker);
        assertEquals(new PbxEvent.QueueCallerJoin("8001", "SIP/2-1", "2.1", "", "", "", 1, 1), event.event());
        assertEquals("QueueCallerJoin", event.countedAs());
        assertEquals(0, prepared.waiting());
    }

    @Test
    void aConnectionClosedInsideANoiseCandidateGivesItsLinesThenTheEnd() throws IOException {
        peer.getOutputStream().write("Event: VarSet\r\nVariable: X\r\nValue: 1".getBytes(StandardCharsets.UTF_8));
        peer.shutdownOutput();

        assertEquals("Event: VarSet", socket.readLine());
        assertEquals("Variable: X", socket.readLine());
        assertEquals("Value: 1", socket.readLine());
        assertNull(socket.readLine());
        assertNull(socket.readLine());
    }

    private List<String> readAll(String... lines) throws IOException {
        peer.getOutputStream().write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        peer.shutdownOutput();
        List<String> read = new ArrayList<>();
        for (String line = socket.readLine(); line != null; line = socket.readLine()) {
            read.add(line);
        }
        return read;
    }
}
