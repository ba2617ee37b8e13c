package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxEvent.AgentComplete;
import org.dialerd.core.pbx.PbxEvent.AgentConnect;
import org.dialerd.core.pbx.PbxEvent.Connected;
import org.dialerd.core.pbx.PbxEvent.Disconnected;
import org.dialerd.core.pbx.PbxEvent.OriginateResponse;
import org.dialerd.core.pbx.PbxEvent.QueueMember;
import org.dialerd.core.pbx.PbxEvent.Shutdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded Asterisk 22 sessions, replayed by a fake AMI server to a real {@link AmiGateway}
 * (real asterisk-java, real socket): every event the engine needs arrives, translated, in
 * order, and nothing else does.
 */
class AmiGatewayTraceReplayTest {

    /** Wire event name → record the engine gets (VarSet only for the allow-listed variables). */
    private static final Map<String, Class<? extends PbxEvent>> TRANSLATED = Stream.of(PbxEvent.class
                    .getPermittedSubclasses())
            .filter(c -> !Set.of("Connected", "Disconnected", "NewChannel").contains(c.getSimpleName()))
            .collect(Collectors.toMap(Class::getSimpleName, c -> c.asSubclass(PbxEvent.class)));

    private ConnectedGateway ami;
    private FakeAmiServer server;
    private EventRecorder events;

    @BeforeEach
    void connect() throws Exception {
        ami = ConnectedGateway.connect();
        server = ami.server;
        events = ami.events;
    }

    @AfterEach
    void close() throws IOException {
        ami.close();
    }

    @Test
    void translatesDynamicMemberAddPauseAndRemove() throws Exception {
        AmiTrace trace = AmiTrace.load("02");

        List<PbxEvent> got = replay(trace.segments().get(0));

        assertEquals(List.of(
                new PbxEvent.QueueMemberAdded(member("Agent 1001", "Local/1001@agents", "Local/1001@agents", 0, 1,
                        false, "")),
                new PbxEvent.QueueMemberAdded(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 0,
                        false, "")),
                new PbxEvent.QueueMemberStatus(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 1,
                        false, "")),
                new PbxEvent.QueueMemberStatus(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 2,
                        false, "")),
                new PbxEvent.QueueMemberStatus(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 1,
                        false, "")),
                new PbxEvent.QueueMemberPause(member("Agent 1001", "Local/1001@agents", "Local/1001@agents", 0, 1,
                        true, "Break: lunch")),
                new PbxEvent.QueueMemberPause(member("Agent 1001", "Local/1001@agents", "Local/1001@agents", 0, 1,
                        false, "")),
                new PbxEvent.QueueMemberPause(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 1,
                        true, "Meeting")),
                new PbxEvent.QueueMemberPause(member("Agent 1002", "Local/1002@agents", "Custom:1002", 1, 1,
                        false, "")),
                new PbxEvent.QueueMemberRemoved(member("Agent 1001", "Local/1001@agents", "Local/1001@agents", 0,
                        1, false, "")),
                new PbxEvent.QueueMemberRemoved(member("Agent 1002", "Local/1002@agents", "Custom:1002", 3, 1,
                        false, ""))), got);
    }

    @Test
    void translatesStaticAgentLoginAndLogoff() throws Exception {
        AmiTrace trace = AmiTrace.load("03");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(List.of(
                        new PbxEvent.AgentLogin("9000", "Local/1001@agents-00000002;1", "1795339927.4"),
                        new PbxEvent.AgentLogoff("9000", Duration.ofSeconds(7)),
                        new PbxEvent.AgentLogin("9001", "Local/1002@agents-00000003;1", "1795339940.6"),
                        new PbxEvent.AgentLogoff("9001", Duration.ofSeconds(6))),
                only(got, PbxEvent.AgentLogin.class, PbxEvent.AgentLogoff.class));
        assertEquals(5, only(got, PbxEvent.QueueMemberAdded.class).get(0).member().status(),
                "the agent member is added while logged off");
    }

    @Test
    void translatesAnsweredCampaignCall() throws Exception {
        AmiTrace trace = AmiTrace.load("04");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(List.of(new OriginateResponse("campaign-1-call-1", true, 4, "Local/5551234@customers-00000004;1",
                "1795339962.8", "from-queue", "8000")), only(got, OriginateResponse.class));
        assertEquals(List.of(new AgentConnect("8000", "Local/5551234@customers-00000004;1", "1795339962.8",
                "1795339962.8", "Local/1001@agents-00000005;1", "1795339964.10", "Local/1001@agents", "Agent 1001",
                Duration.ofSeconds(1), Duration.ofSeconds(1))), only(got, AgentConnect.class));
        assertEquals(List.of(new AgentComplete("8000", "Local/5551234@customers-00000004;1", "1795339962.8",
                "Local/1001@agents-00000005;1", "Local/1001@agents", "Agent 1001", Duration.ofSeconds(1),
                Duration.ofSeconds(19), "caller")), only(got, AgentComplete.class));
    }

    @Test
    void reportsEveryOriginateFailureWithItsReason() throws Exception {
        AmiTrace trace = AmiTrace.load("05");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        List<OriginateResponse> responses = only(got, OriginateResponse.class);
        assertEquals(List.of("campaign-1-call-11:5", "campaign-1-call-12:3", "campaign-1-call-13:8",
                        "campaign-1-call-14:0", "campaign-1-call-15:0", "campaign-1-call-16:0", "campaign-1-call-17:0",
                        "campaign-1-call-20:4"),
                responses.stream().map(r -> r.actionId() + ":" + r.reason()).toList());
        OriginateResponse busy = responses.get(0);
        assertEquals(new OriginateResponse("campaign-1-call-11", false, 5, "Local/5550001@customers", "",
                "from-queue", "8000"), busy, "on failure the channel is the dial string, no uniqueid");
        assertEquals(1, only(got, PbxEvent.QueueCallerAbandon.class).size());
    }

    @Test
    void translatesIncomingCallsCompletedByCallerAndByAgent() throws Exception {
        AmiTrace trace = AmiTrace.load("06");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(List.of("caller", "agent"), only(got, AgentComplete.class).stream().map(AgentComplete::reason)
                .toList());
        assertEquals(new AgentComplete("8001", "Local/5557002@incoming-00000015;2", "1795340101.43",
                "Local/1001@agents-00000017;1", "Local/1001@agents", "Agent 1001", Duration.ofSeconds(1),
                Duration.ofSeconds(5), "agent"), only(got, AgentComplete.class).get(1));
        assertEquals(4, only(got, PbxEvent.AgentCalled.class).size(), "ringall rings both members, twice");
    }

    @Test
    void translatesAbandonedIncomingCalls() throws Exception {
        AmiTrace trace = AmiTrace.load("07");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(List.of(new PbxEvent.AgentRingNoAnswer("8001", "Local/5557003@incoming-00000018;2",
                        "1795340119.49", "Local/2001@agents-00000019;1", "Local/2001@agents", "Agent 2001",
                        Duration.ofSeconds(15))), only(got, PbxEvent.AgentRingNoAnswer.class));
        assertEquals(List.of(
                new PbxEvent.QueueCallerAbandon("8001", "Local/5557003@incoming-00000018;2", "1795340119.49", 1, 1,
                        Duration.ofSeconds(24)),
                new PbxEvent.QueueCallerAbandon("8001", "Local/5557004@incoming-0000001b;2", "1795340147.55", 1, 1,
                        Duration.ofSeconds(4))), only(got, PbxEvent.QueueCallerAbandon.class));
        PbxEvent.QueueCallerJoin join = only(got, PbxEvent.QueueCallerJoin.class).get(0);
        assertEquals(new PbxEvent.QueueCallerJoin("8001", "Local/5557003@incoming-00000018;2", "1795340119.49",
                join.linkedId(), "5557003", "Caller 5557003", 1, 1), join);
        assertTrue(!join.linkedId().isEmpty());
    }

    @Test
    void translatesParkRetrieveGiveUpAndTimeout() throws Exception {
        AmiTrace trace = AmiTrace.load("08");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(new PbxEvent.ParkedCall("Local/556040@customers-0000001f;1", "1795340198.62", "701", "default"),
                only(got, PbxEvent.ParkedCall.class).get(0));
        assertEquals(new PbxEvent.UnParkedCall("Local/556040@customers-0000001f;1", "1795340198.62", "701",
                "Local/1001@agents-00000021;1"), only(got, PbxEvent.UnParkedCall.class).get(0));
        assertEquals(List.of(new PbxEvent.ParkedCallGiveUp("Local/556012@customers-00000025;1", "1795340255.74",
                "701")), only(got, PbxEvent.ParkedCallGiveUp.class));
        assertEquals(List.of(new PbxEvent.ParkedCallTimeOut("Local/556060@customers-00000027;1", "1795340270.78",
                "701")), only(got, PbxEvent.ParkedCallTimeOut.class));
    }

    @Test
    void translatesBlindTransfer() throws Exception {
        AmiTrace trace = AmiTrace.load("09");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(List.of(new PbxEvent.BlindTransfer("Local/1001@agents-0000002e;1",
                "Local/556020@customers-0000002d;1", "1002", "xfer", true)), only(got, PbxEvent.BlindTransfer.class));
    }

    @Test
    void translatesAttendedTransfer() throws Exception {
        AmiTrace trace = AmiTrace.load("10");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        assertEquals(new PbxEvent.AttendedTransfer("Local/1001@agents-00000034;1", "Local/1001@agents-00000034;1",
                "Success"), only(got, PbxEvent.AttendedTransfer.class).get(0));
        // (A) completes: the transferer is held and never unheld; (B) cancelled and (C) an unknown
        // extension give the call back with Unhold: how dialerd tells a failed atxfercall.
        List<PbxEvent> holds = only(got, PbxEvent.Hold.class, PbxEvent.Unhold.class);
        assertEquals(new PbxEvent.Hold("Local/1001@agents-00000034;1", "1795340382.104"), holds.get(0));
        assertEquals(List.of("Hold", "Hold", "Unhold", "Hold", "Unhold", "Hold"), holds.stream()
                .map(e -> e.getClass().getSimpleName()).toList());
    }

    @Test
    void translatesMixMonitorIncludingMuteWhichAsteriskJavaDrops() throws Exception {
        AmiTrace trace = AmiTrace.load("11");

        List<PbxEvent> got = replayInFull(trace.segments().get(0));

        String customer = "Local/556030@customers-00000040;1";
        assertEquals(List.of(
                new PbxEvent.MixMonitorMute(customer, "1795340507.128", "read", true),
                new PbxEvent.MixMonitorMute(customer, "1795340507.128", "read", false),
                new PbxEvent.MixMonitorMute(customer, "1795340507.128", "write", true),
                new PbxEvent.MixMonitorMute(customer, "1795340507.128", "both", true),
                new PbxEvent.MixMonitorMute(customer, "1795340507.128", "both", false)),
                only(got, PbxEvent.MixMonitorMute.class));
        assertEquals(List.of(new PbxEvent.MixMonitorStop(customer, "1795340507.128")),
                only(got, PbxEvent.MixMonitorStop.class));
        assertTrue(only(got, PbxEvent.VarSet.class).stream()
                        .allMatch(v -> v.variable().equals("MIXMONITOR_FILENAME") && v.value().endsWith(".wav")),
                "only allow-listed variables pass: " + only(got, PbxEvent.VarSet.class));
    }

    @Test
    void reportsShutdownThenReconnectsAfterEachAsteriskRestart() throws Exception {
        AmiTrace trace = AmiTrace.load("13");
        List<AmiTrace.Segment> segments = trace.segments();
        assertEquals(3, segments.size(), "stop, restart, then our own logoff");

        assertTrue(server.awaitLogin(EventRecorder.WAIT));
        for (AmiTrace.Segment segment : segments.subList(0, 2)) {
            server.write(withoutLoginEvents(segment));
            assertTrue(segment.closedByServer());
            server.dropConnection();
            assertTrue(server.awaitLogin(EventRecorder.WAIT), "asterisk-java logs in again");
            events.await(e -> e instanceof Connected, "Connected after reconnect");
        }

        assertEquals(List.of(new Connected("Asterisk 22"), new Shutdown(false), new Disconnected("AMI connection lost"),
                new Connected("Asterisk 22"), new Shutdown(true), new Disconnected("AMI connection lost"),
                new Connected("Asterisk 22")), events.all());
    }

    /** Replays one connection's events and checks the translated ones: same kinds, same order. */
    private List<PbxEvent> replayInFull(AmiTrace.Segment segment) throws Exception {
        List<PbxEvent> got = replay(segment);
        assertEquals(expectedKinds(withoutLoginEvents(segment)), got.stream().map(e -> e.getClass().getSimpleName())
                .toList());
        return got;
    }

    /** Writes the segment's events (the server sent its own login events) and returns what arrived. */
    private List<PbxEvent> replay(AmiTrace.Segment segment) throws Exception {
        return ami.replay(withoutLoginEvents(segment));
    }

    private static List<AmiPacket> withoutLoginEvents(AmiTrace.Segment segment) {
        return segment.events().stream()
                .filter(p -> !Set.of("FullyBooted", "SuccessfulAuth").contains(p.name()))
                .map(ConnectedGateway::asOurs)
                .toList();
    }

    /** What the engine must get from these packets, worked out from the wire names alone. */
    private static List<String> expectedKinds(List<AmiPacket> packets) {
        List<String> kinds = new ArrayList<>();
        for (AmiPacket p : packets) {
            String name = p.name().equals("Newchannel") ? "NewChannel" : p.name();
            boolean wanted = name.equals("NewChannel") || (TRANSLATED.containsKey(name) && (!name.equals("VarSet")
                    || AmiEventTranslator.VARIABLES.contains(p.get("Variable"))));
            if (wanted) {
                kinds.add(name);
            }
        }
        return kinds;
    }

    @SafeVarargs
    private static <T extends PbxEvent> List<T> only(List<PbxEvent> events, Class<? extends T>... types) {
        List<T> out = new ArrayList<>();
        for (PbxEvent e : events) {
            for (Class<? extends T> type : types) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
        }
        return out;
    }

    private static QueueMember member(String name, String iface, String stateInterface, int penalty, int status,
                                      boolean paused, String reason) {
        return new QueueMember("8000", name, iface, stateInterface, "dynamic", penalty, 0, status, paused, reason,
                false);
    }
}
