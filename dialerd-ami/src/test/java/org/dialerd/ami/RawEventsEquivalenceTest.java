package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events {@link RawEvents} translates from raw lines give exactly the records asterisk-java's
 * beans and {@link AmiEventTranslator} give: every recording of testdata/ami-traces, and packets
 * with edge values, are replayed to one real gateway twice, once through each path, and the two
 * sequences must be equal (and the raw path must really have been taken).
 */
class RawEventsEquivalenceTest {

    private ConnectedGateway ami;

    @BeforeEach
    void connect() throws Exception {
        ami = ConnectedGateway.connect();
    }

    @AfterEach
    void close() throws IOException {
        ami.close();
    }

    @Test
    void everyRecordingGivesTheSameRecordsThroughBothPaths() throws Exception {
        List<AmiPacket> packets = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestData.amiTraces())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                AmiTrace trace = AmiTrace.parse(file.getFileName().toString(), Files.readAllLines(file));
                for (AmiTrace.Segment segment : trace.segments()) {
                    segment.events().stream()
                            .filter(p -> !Set.of("FullyBooted", "SuccessfulAuth", "Shutdown").contains(p.name()))
                            .map(ConnectedGateway::asOurs)
                            .forEach(packets::add);
                }
            }
        }
        long translatable = packets.stream()
                .filter(p -> p.get("ActionID") == null && RawEvents.mayTranslate(p.lines().get(0))).count();
        assertTrue(translatable > 100, "the recordings hold " + translatable + " events of the raw path");

        assertSameThroughBothPaths(packets, (int) translatable);
    }

    @Test
    void edgeValuesGiveTheSameRecordsThroughBothPaths() throws Exception {
        List<AmiPacket> packets = List.of(
                AmiPacket.of("Event: QueueCallerJoin", "Privilege: agent,all", "Channel: <unknown>",
                        "Uniqueid: Unknown", "Linkedid: null", "CallerIDNum: <unknown>", "CallerIDName: (none)",
                        "Queue: n/a", "Position: x", "Count: "),
                AmiPacket.of("Event: Newchannel", "Channel:   SIP/a b-1  ", "Uniqueid: 1.2", "Linkedid: -",
                        "CallerIDNum: <UNKNOWN>", "Context: <none>", "Exten: s"),
                AmiPacket.of("Event: Hangup", "Channel: SIP/1-1", "Uniqueid: 1.3", "Cause: 16",
                        "Cause-txt: Normal Clearing", "Linkedid: <not set>"),
                AmiPacket.of("Event: Hangup", "Channel: SIP/1-2", "Uniqueid: 1.4", "Cause: +17",
                        "Cause-txt: <unknown>"),
                AmiPacket.of("Event: QueueCallerLeave", "Queue: 8000", "Channel: SIP/2-1", "Uniqueid: 2.1",
                        "Count: 2147483648"),
                AmiPacket.of("Event: QueueCallerAbandon", "Queue: 8000", "Channel: SIP/2-1", "Uniqueid: 2.1",
                        "Position: 1", "OriginalPosition: 2", "HoldTime: 12"),
                AmiPacket.of("Event: AgentCalled", "Queue: 8000", "ChannelCalling: SIP/3-1", "Uniqueid: 3.1",
                        "DestinationChannel: Local/1001@agents-1;1", "AgentCalled: Local/1001@agents",
                        "AgentName: Agent 1001"),
                AmiPacket.of("Event: AgentCalled", "Queue: 8000", "Channel: SIP/3-2", "ChannelCalling: other",
                        "Uniqueid: 3.2", "DestChannel: Local/1002@agents-1;1", "Interface: Local/1002@agents",
                        "MemberName: Agent 1002"),
                AmiPacket.of("Event: AgentConnect", "Queue: 8000", "Channel: SIP/3-1", "Uniqueid: 3.1",
                        "Linkedid: 3.0", "BridgedChannel: Local/1001@agents-1;1", "DestUniqueid: 3.5",
                        "Member: Local/1001@agents", "MemberName: Agent 1001", "HoldTime: 3", "RingTime: 2.5"),
                AmiPacket.of("Event: AgentRingNoAnswer", "Queue: 8000", "Channel: SIP/3-1", "Uniqueid: 3.1",
                        "DestChannel: Local/1001@agents-1;1", "Member: Local/1001@agents",
                        "MemberName: Agent 1001", "RingTime: 15000"),
                AmiPacket.of("Event: AgentComplete", "Queue: 8000", "Channel: SIP/3-1", "Uniqueid: 3.1",
                        "DestChannel: Local/1001@agents-1;1", "Interface: Local/1001@agents",
                        "MemberName: Agent 1001", "HoldTime: 3", "TalkTime: 40", "Reason: agent"),
                // Not for the raw path: an ActionID (a list's item), a header twice, a line without a colon.
                AmiPacket.of("Event: Hangup", "ActionID: " + ConnectedGateway.INTERNAL_ID + "x-1", "Channel: SIP/9-1",
                        "Uniqueid: 9.1"),
                AmiPacket.of("Event: Hangup", "Channel: SIP/9-2", "Channel: SIP/9-3", "Uniqueid: 9.2"),
                AmiPacket.of("Event: Hangup", "Channel: SIP/9-4", "no colon here", "Uniqueid: 9.4"));

        assertSameThroughBothPaths(packets, 11);
    }

    /** Replays {@code packets} through asterisk-java's beans, then the raw path; {@code raw} of them take it. */
    private void assertSameThroughBothPaths(List<AmiPacket> packets, int raw) throws Exception {
        ami.gateway.translateRawEvents(false);
        List<PbxEvent> throughBeans = ami.replay(packets);
        int preparedBefore = ami.gateway.preparedEvents();
        ami.gateway.translateRawEvents(true);
        List<PbxEvent> throughRaw = ami.replay(packets);

        assertEquals(throughBeans, throughRaw);
        assertEquals(raw, ami.gateway.preparedEvents() - preparedBefore, "events translated from their raw lines");
        assertTrue(throughBeans.size() >= raw, "every raw-path event is a record: " + throughBeans.size());
    }
}
