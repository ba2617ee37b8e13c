package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.util.SocketConnectionFacade;
import org.junit.jupiter.api.Test;

/** What asterisk-java's reader gets through the socket: noise events skipped, everything else untouched. */
class BackPressureSocketTest {
    private final List<String> skipped = new ArrayList<>();
    private final AtomicBoolean keepAll = new AtomicBoolean(false);

    @Test
    void skipsUnsolicitedNoiseAndPassesTheNextPacketUntouched() throws IOException {
        List<String> read = readAll("Event: Newexten", "Channel: SIP/1-1", "Extension: 8001", "",
                "Event: DeviceStateChange", "Device: SIP/1", "State: INUSE", "",
                "Event: QueueCallerJoin", "Queue: 8001", "Uniqueid: 1.1", "");
        assertEquals(List.of("Event: QueueCallerJoin", "Queue: 8001", "Uniqueid: 1.1", ""), read);
        assertEquals(List.of("NewExten", "DeviceStateChange"), skipped);
    }

    @Test
    void passesNoiseNamedEventsThatAnswerAnAction() throws IOException {
        List<String> packet = List.of("Event: DeviceStateChange", "Device: SIP/1", "State: INUSE", "ActionID: 12#d-3", "");
        assertEquals(packet, readAll(packet.toArray(String[]::new)));
        assertEquals(List.of(), skipped);
    }

    @Test
    void passesVarSetOfAVariableTheEngineNeedsAndSkipsTheOthers() throws IOException {
        List<String> read = readAll("Event: VarSet", "Channel: SIP/1-1", "Variable: BRIDGEPEER", "Value: x", "",
                "Event: VarSet", "Channel: SIP/1-1", "Variable: MIXMONITOR_FILENAME", "Value: /r/1.wav", "");
        assertEquals(List.of("Event: VarSet", "Channel: SIP/1-1", "Variable: MIXMONITOR_FILENAME",
                "Value: /r/1.wav", ""), read);
        assertEquals(List.of("VarSet"), skipped);
    }

    @Test
    void neverSkipsAnEventTheTranslatorHasARuleFor() {
        for (Class<?> type : new AmiEventTranslator().translatedTypes()) {
            if (type == org.asteriskjava.manager.event.VarSetEvent.class) {
                continue; // translated for AmiEventTranslator.VARIABLES only, which pass (test above)
            }
            assertFalse(NoiseEvents.countedNames().contains(AmiEventNames.of(type)),
                    type.getSimpleName() + " is translated: remove it from NoiseEvents");
        }
    }

    @Test
    void passesEverythingWhileEveryEventIsLogged() throws IOException {
        keepAll.set(true);
        List<String> packet = List.of("Event: Newstate", "Channel: SIP/1-1", "");
        assertEquals(packet, readAll(packet.toArray(String[]::new)));
        assertEquals(List.of(), skipped);
    }

    @Test
    void aNoiseLineInsideAPacketIsNotAPacketStart() throws IOException {
        List<String> packet = List.of("Response: Success", "ActionID: 1", "Event: Newexten", "");
        assertEquals(packet, readAll(packet.toArray(String[]::new)));
    }

    @Test
    void aConnectionClosedInsideACandidateGivesItsLinesThenTheEnd() throws IOException {
        BackPressureSocket socket = socket("Event: VarSet", "Variable: MIXMONITOR_FILENAME");
        assertEquals("Event: VarSet", socket.readLine());
        assertEquals("Variable: MIXMONITOR_FILENAME", socket.readLine());
        assertNull(socket.readLine());
        assertNull(socket.readLine());
    }

    @Test
    void countsOnlyThePacketsPassedOnAsRead() throws IOException {
        IngestGate gate = new IngestGate(() -> 0);
        BackPressureSocket socket = new BackPressureSocket(new Lines("Event: Newexten", "", "Event: Hangup", "",
                "Event: Newstate", ""), gate, skipped::add, keepAll::get);
        while (socket.readLine() != null) {
            // read to the end
        }
        assertEquals(1, gate.pumpBacklog());
    }

    private List<String> readAll(String... lines) throws IOException {
        BackPressureSocket socket = socket(lines);
        List<String> read = new ArrayList<>();
        for (String line = socket.readLine(); line != null; line = socket.readLine()) {
            read.add(line);
        }
        return read;
    }

    private BackPressureSocket socket(String... lines) {
        return new BackPressureSocket(new Lines(lines), new IngestGate(() -> 0), skipped::add, keepAll::get);
    }

    /** A socket that returns these lines, then null (the connection closed). */
    private static final class Lines implements SocketConnectionFacade {
        private final Deque<String> lines;

        Lines(String... lines) {
            this.lines = new ArrayDeque<>(Arrays.asList(lines));
        }

        @Override
        public String readLine() {
            return lines.poll();
        }

        @Override
        public void write(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getRemotePort() {
            return 0;
        }
    }
}
