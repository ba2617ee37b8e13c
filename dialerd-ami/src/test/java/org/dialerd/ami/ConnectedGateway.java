package org.dialerd.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dialerd.core.pbx.PbxEvent;

/**
 * A real {@link AmiGateway} (real asterisk-java, real socket) logged in to a {@link FakeAmiServer},
 * with an {@link EventRecorder} listening: the set-up of the tests that replay recorded packets
 * to the gateway and read what it translated.
 */
final class ConnectedGateway implements AutoCloseable {
    /**
     * What asterisk-java puts before the ActionIDs it sends; Asterisk echoes it. The recorder was
     * another client, so its ActionIDs get one ({@link #asOurs}), as if our gateway had sent those
     * actions.
     */
    static final String INTERNAL_ID = "1234_56#";
    /** The ActionID of the packet sent after a replay; its arrival means everything before it went through. */
    static final String END_OF_REPLAY = "end-of-replay";
    private static final AmiPacket END_MARKER = AmiPacket.of("Event: OriginateResponse", "Privilege: call,all",
            "ActionID: " + INTERNAL_ID + END_OF_REPLAY, "Response: Success", "Channel: Local/0@marker-00000000;1",
            "Reason: 4", "Uniqueid: 0.0");

    final FakeAmiServer server;
    final AmiGateway gateway;
    final EventRecorder events = new EventRecorder();

    private ConnectedGateway(FakeAmiServer server, AmiGateway gateway) {
        this.server = server;
        this.gateway = gateway;
    }

    /** Connected with the test settings; returns once the gateway reported Connected. */
    static ConnectedGateway connect() throws Exception {
        return connect(settings -> settings);
    }

    /** Connected with the test settings as {@code tweak} changes them. */
    static ConnectedGateway connect(UnaryOperator<AmiSettings> tweak) throws Exception {
        FakeAmiServer server = new FakeAmiServer("dialerd", "dialerd");
        ConnectedGateway connected = new ConnectedGateway(server,
                new AmiGateway(tweak.apply(TestSettings.forPort(server.port()))));
        try {
            connected.gateway.addListener(connected.events);
            connected.gateway.start();
            connected.events.await(PbxEvent.Connected.class);
            return connected;
        } catch (Exception | AssertionError e) {
            connected.close();
            throw e;
        }
    }

    /** A recorded packet as if it answered an action of ours: its ActionID (if any) gets our prefix. */
    static AmiPacket asOurs(AmiPacket packet) {
        return packet.get("ActionID") == null ? packet : packet.withActionId(INTERNAL_ID + packet.get("ActionID"));
    }

    /** Writes {@code packets} and the end marker; returns the events that arrived before the marker. */
    List<PbxEvent> replay(List<AmiPacket> packets) throws Exception {
        int before = events.all().size();
        List<AmiPacket> all = new ArrayList<>(packets);
        all.add(END_MARKER);
        server.write(all);
        events.await(e -> e instanceof PbxEvent.OriginateResponse o && o.actionId().equals(END_OF_REPLAY),
                "end of replay");
        List<PbxEvent> got = events.all();
        return List.copyOf(got.subList(before, got.size() - 1));
    }

    @Override
    public void close() throws IOException {
        try {
            gateway.close();
        } finally {
            server.close();
        }
    }
}
