package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link AmiGateway#send} puts on the wire, and how Asterisk's answers come back. */
class AmiGatewayActionTest {

    private static final Duration WAIT = EventRecorder.WAIT;

    private ConnectedGateway ami;
    private FakeAmiServer server;
    private AmiGateway gateway;
    private EventRecorder events;

    @AfterEach
    void close() throws IOException {
        if (ami != null) {
            ami.close();
        }
    }

    static Stream<Arguments> recordedActions() {
        return Stream.of(
                recorded("02", "a4-queueadd", new PbxAction.QueueAdd("8000", "Local/1002@agents", "Agent 1002",
                        "Custom:1002", 1, false)),
                recorded("02", "a8-queuepause", new PbxAction.QueuePause("8000", "Local/1001@agents", true,
                        "Break: lunch")),
                recorded("02", "a10-queuepause", new PbxAction.QueuePause("8000", "Local/1001@agents", false, "")),
                recorded("02", "a11-queuepause", new PbxAction.QueuePause("", "Local/1002@agents", true, "Meeting")),
                recorded("02", "a16-queueremove", new PbxAction.QueueRemove("8000", "Local/1001@agents")),
                recorded("03", "a7-agentlogoff", new PbxAction.AgentLogoff("9000", false)),
                recorded("03", "a4-originate", new PbxAction.Originate("Local/1001@agents", "", "", 0, "AgentLogin",
                        "9000", "Agent 9000 <1001>", Duration.ofSeconds(30), Map.of(), "", "")),
                recorded("03", "a13-hangup", new PbxAction.Hangup("Local/1002@agents-00000003;1", 0)),
                recorded("04", "campaign-1-call-1", campaignCall()),
                recorded("06", "a5-hangup", new PbxAction.Hangup("Local/1001@agents-00000017;2", 16)),
                recorded("08", "a3-park", new PbxAction.Park("Local/556040@customers-0000001f;1",
                        "Local/1001@agents-00000020;1", Duration.ZERO)),
                recorded("08", "a6-park", new PbxAction.Park("Local/556040@customers-00000022;1", "", Duration.ZERO)),
                recorded("08", "a11-park", new PbxAction.Park("Local/556060@customers-00000027;1",
                        "Local/1001@agents-00000028;1", Duration.ofSeconds(5))),
                recorded("08", "a5-coreshowchannels", new PbxAction.CoreShowChannels()),
                recorded("09", "a3-redirect", new PbxAction.Redirect("Local/556020@customers-0000002a;1", "xfer",
                        "1002", 1, "", "", "", 0)),
                recorded("09", "a7-redirect", new PbxAction.Redirect("Local/556020@customers-00000030;1", "xfer",
                        "1002", 1, "Local/1001@agents-00000031;1", "util", "wait", 1)),
                recorded("10", "a3-atxfer", new PbxAction.Atxfer("Local/1001@agents-00000034;1", "xfer", "1002")),
                recorded("10", "a12-atxfer", new PbxAction.Atxfer("Local/1001@agents-0000003e;1", "", "1002")),
                recorded("11", "a4-mixmonitormute", new PbxAction.MixMonitorMute("Local/556030@customers-00000040;1",
                        "read", true)),
                recorded("11", "a8-mixmonitormute", new PbxAction.MixMonitorMute("Local/556030@customers-00000040;1",
                        "both", false)),
                recorded("12", "a3-getvar", new PbxAction.GetVar("Local/556030@customers-00000042;1", "ID_CAMPAIGN")),
                recorded("12", "a17-getvar", new PbxAction.GetVar("", "GLOBAL_TEST")),
                recorded("12", "a14-setvar", new PbxAction.SetVar("Local/556030@customers-00000042;1", "DIALERD_NOTE",
                        "hello world")),
                recorded("12", "a16-setvar", new PbxAction.SetVar("", "GLOBAL_TEST", "42")),
                recorded("12", "a30-command", new PbxAction.Command("queue show 8000")),
                recorded("14", "a7-queuestatus", new PbxAction.QueueStatus("8000")),
                recorded("14", "a11-agents", new PbxAction.Agents()),
                recorded("15", "a4-dbget", new PbxAction.DbGet("dialerd", "lastcall")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordedActions")
    void writesTheActionAsRecorded(String trace, String actionId, PbxAction action) throws Exception {
        AmiTrace recording = AmiTrace.load(trace);
        AmiPacket expected = recording.sent(actionId);
        connect(s -> s);
        server.answer(expected.name(), recording.answerTo(actionId));

        CompletableFuture<PbxReply> reply = gateway.send(action);

        AmiPacket sent = server.awaitAction(expected.name(), WAIT);
        assertNotNull(sent, "nothing like " + expected.name() + " arrived");
        assertEquals(expected.normalisedWithoutActionId(), sent.normalisedWithoutActionId());
        reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void originateCarriesOurActionIdBehindAsteriskJavasPrefix() throws Exception {
        connect(s -> s);

        PbxReply reply = gateway.send(campaignCall()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        String wireId = server.awaitAction("Originate", WAIT).get("ActionID");
        assertTrue(wireId.matches("[^#]+#campaign-1-call-1"), wireId);
        assertTrue(reply.success());
    }

    @Test
    void playDtmfToBeHeardByTheChannelsApplicationCarriesReceive() throws Exception {
        connect(s -> s);

        gateway.send(new PbxAction.PlayDtmf("Local/1010@agents-0000000a;1", "5", true));

        AmiPacket sent = server.awaitAction("PlayDTMF", WAIT);
        assertEquals("Local/1010@agents-0000000a;1", sent.get("Channel"));
        assertEquals("5", sent.get("Digit"));
        assertEquals("true", sent.get("Receive"));
    }

    @Test
    void queueStatusListsEveryItemWithItsAmiFields() throws Exception {
        AmiTrace trace = AmiTrace.load("02");
        connect(s -> s);
        server.answer("QueueStatus", trace.answerTo("a9-queuestatus"));

        PbxReply reply = gateway.send(new PbxAction.QueueStatus("8000")).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertTrue(reply.success());
        assertEquals("Queue status will follow", reply.message());
        assertEquals(itemsOf(trace.answerTo("a9-queuestatus")), reply.items());
        assertEquals("Break: lunch", reply.items().get(1).get("PausedReason"));
    }

    @Test
    void agentsKeepTheChannelAsteriskJavaDrops() throws Exception {
        AmiTrace trace = AmiTrace.load("03");
        connect(s -> s);
        server.answer("Agents", trace.answerTo("a5-agents"));

        PbxReply reply = gateway.send(new PbxAction.Agents()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(itemsOf(trace.answerTo("a5-agents")), reply.items());
        assertEquals("Local/1001@agents-00000002;1", reply.items().get(0).get("Channel"));
    }

    @Test
    void coreShowChannelsListsEveryChannel() throws Exception {
        AmiTrace trace = AmiTrace.load("12");
        connect(s -> s);
        server.answer("CoreShowChannels", trace.answerTo("a24-coreshowchannels"));

        PbxReply reply = gateway.send(new PbxAction.CoreShowChannels()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(itemsOf(trace.answerTo("a24-coreshowchannels")), reply.items());
    }

    @Test
    void commandOutputComesBackLineByLine() throws Exception {
        AmiTrace trace = AmiTrace.load("12");
        connect(s -> s);
        server.answer("Command", trace.answerTo("a30-command"));

        PbxReply reply = gateway.send(new PbxAction.Command("queue show 8000")).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertTrue(reply.success());
        assertEquals("Command output follows", reply.message());
        // asterisk-java's reader trims every header value: the lines lose their indentation.
        List<String> recorded = trace.answerTo("a30-command").get(0).lines().stream()
                .filter(l -> l.startsWith("Output:")).map(l -> l.substring("Output:".length()).strip()).toList();
        assertEquals(recorded, reply.output());
        assertFalse(reply.fields().containsKey("Output"));
    }

    @Test
    void commandWithoutOutputDoesNotBreakTheConnection() throws Exception {
        connect(s -> s);
        server.answer("Command", List.of(AmiPacket.of("Response: Success", "ActionID: x",
                "Message: Command output follows")));

        PbxReply reply = gateway.send(new PbxAction.Command("dialplan reload")).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertEquals(List.of(), reply.output());
        assertTrue(gateway.isConnected());
        assertEquals(List.of(new PbxEvent.Connected("Asterisk 22")), events.all());
    }

    @Test
    void getVarAnswersWithTheValueField() throws Exception {
        AmiTrace trace = AmiTrace.load("12");
        connect(s -> s);
        server.answer("GetVar", trace.answerTo("a3-getvar"));

        PbxReply reply = gateway.send(new PbxAction.GetVar("Local/556030@customers-00000042;1", "ID_CAMPAIGN"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals("1", reply.field("Value").orElseThrow());
        assertEquals("ID_CAMPAIGN", reply.field("Variable").orElseThrow());
        assertFalse(reply.fields().containsKey("ActionID"));
    }

    @Test
    void errorResponseIsAnUnsuccessfulReplyNotAFailure() throws Exception {
        AmiTrace trace = AmiTrace.load("02");
        connect(s -> s);
        server.answer("QueueAdd", trace.answerTo("a3-queueadd"));

        PbxReply reply = gateway.send(new PbxAction.QueueAdd("8000", "Local/1001@agents", "Agent 1001", "", 0,
                false)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertFalse(reply.success());
        assertEquals("Unable to add interface: Already there", reply.message());
    }

    @Test
    void dbGetAnswersWithTheValue() throws Exception {
        AmiTrace trace = AmiTrace.load("15");
        connect(s -> s);
        server.answer("DBGet", trace.answerTo("a4-dbget"));

        PbxReply reply = gateway.send(new PbxAction.DbGet("dialerd", "lastcall")).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertTrue(reply.success());
        assertEquals("42", reply.field("Val").orElseThrow());
        assertEquals(List.of(Map.of("Event", "DBGetResponse", "Family", "dialerd", "Key", "lastcall", "Val", "42")),
                reply.items());
    }

    @Test
    void dbGetOfAMissingKeyAnswersAtOnce() throws Exception {
        AmiTrace trace = AmiTrace.load("15");
        connect(s -> s.withActionTimeout(Duration.ofSeconds(30)));
        server.answer("DBGet", trace.answerTo("a6-dbget"));

        PbxReply reply = gateway.send(new PbxAction.DbGet("dialerd", "lastcall")).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertEquals("Database entry not found", reply.message());
        assertTrue(reply.field("Val").isEmpty());
        assertEquals(List.of(), reply.items());
    }

    @Test
    void actionWithoutAnswerFailsAfterTheActionTimeout() throws Exception {
        connect(s -> s.withActionTimeout(Duration.ofMillis(300)));
        server.ignore("Command");

        CompletableFuture<PbxReply> reply = gateway.send(new PbxAction.Command("core show uptime"));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(PbxException.class, failure.getCause());
        assertEquals("AMI Command: no answer within 300 ms", failure.getCause().getMessage());
    }

    @Test
    void unansweredActionMayHaveBeenCarriedOutAndItsLateResponseIsCountedNotDelivered() throws Exception {
        connect(s -> s.withActionTimeout(Duration.ofMillis(300)));
        server.ignore("QueuePause");

        CompletableFuture<PbxReply> reply = gateway.send(new PbxAction.QueuePause("", "Local/1001@agents", true,
                "Lunch"));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(PbxNoAnswerException.class, failure.getCause());
        assertEquals(1, gateway.timedOutActions());

        String wireId = server.awaitAction("QueuePause", WAIT).get("ActionID");
        server.write(List.of(AmiPacket.of("Response: Success", "ActionID: " + wireId, "Message: paused")));
        until("late response counted", () -> gateway.lateResponses() == 1);
        assertEquals(0, gateway.unknownResponses());
        assertTrue(gateway.send(new PbxAction.GetVar("", "X")).get(WAIT.toSeconds(), TimeUnit.SECONDS).success(),
                "the connection still works");
    }

    @Test
    void responseNobodyAskedForIsCountedAndDropped() throws Exception {
        connect(s -> s);

        server.write(List.of(AmiPacket.of("Response: Success", "ActionID: 1234_99#not-ours", "Message: stray"),
                AmiPacket.of("Response: Error", "ActionID: no-hash-either", "Message: stray")));

        until("orphans counted", () -> gateway.unknownResponses() == 2);
        assertEquals(0, gateway.lateResponses());
        assertTrue(gateway.send(new PbxAction.GetVar("", "X")).get(WAIT.toSeconds(), TimeUnit.SECONDS).success(),
                "answers still reach their actions");
        assertEquals(2, gateway.unknownResponses());
    }

    @Test
    void listWithoutItsEndFailsAfterTheActionTimeout() throws Exception {
        AmiTrace trace = AmiTrace.load("02");
        connect(s -> s.withActionTimeout(Duration.ofMillis(300)));
        List<AmiPacket> withoutComplete = trace.answerTo("a9-queuestatus").stream()
                .filter(p -> !"QueueStatusComplete".equals(p.name())).toList();
        server.answer("QueueStatus", withoutComplete);

        CompletableFuture<PbxReply> reply = gateway.send(new PbxAction.QueueStatus("8000"));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("AMI QueueStatus: no answer within 300 ms", failure.getCause().getMessage());
    }

    @Test
    void sendWithoutConnectionFailsAtOnce() {
        try (AmiGateway idle = new AmiGateway(TestSettings.forPort(1))) {
            CompletableFuture<PbxReply> reply = idle.send(new PbxAction.Agents());

            assertTrue(reply.isCompletedExceptionally(), "failed before send returned");
            ExecutionException failure = assertThrows(ExecutionException.class, reply::get);
            assertInstanceOf(PbxException.class, failure.getCause());
            assertEquals("No AMI connection", failure.getCause().getMessage());
        }
    }

    @Test
    void repliesFollowTheEventsThatPrecededThemOnTheWire() throws Exception {
        AmiTrace trace = AmiTrace.load("02");
        connect(s -> s);
        List<AmiPacket> answer = trace.answerTo("a9-queuestatus");
        AmiPacket pause = trace.segments().get(0).events().stream()
                .filter(p -> "QueueMemberPause".equals(p.name())).findFirst().orElseThrow();
        server.answer("QueueStatus", Stream.concat(Stream.of(answer.get(0)),
                Stream.concat(Stream.of(pause), answer.stream().skip(1))).toList());
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        gateway.addListener(e -> order.add(e.getClass().getSimpleName()));

        gateway.send(new PbxAction.QueueStatus("8000"))
                .thenAccept(r -> order.add("reply")).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of("QueueMemberPause", "reply"), order);
    }

    /** Waits (bounded) for a counter the gateway updates on asterisk-java's thread. */
    private static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Until.until(what, WAIT, condition);
    }

    private void connect(UnaryOperator<AmiSettings> tweak) throws Exception {
        ami = ConnectedGateway.connect(tweak);
        server = ami.server;
        gateway = ami.gateway;
        events = ami.events;
    }

    /** A recorded list answer's items as the gateway must give them: every field but ActionID. */
    private static List<Map<String, String>> itemsOf(List<AmiPacket> answer) {
        return answer.stream().filter(AmiPacket::isEvent).filter(p -> !p.name().endsWith("Complete"))
                .map(p -> (Map<String, String>) new LinkedHashMap<>(p.fieldsWithoutActionId())).toList();
    }

    private static PbxAction.Originate campaignCall() {
        return new PbxAction.Originate("Local/5551234@customers", "from-queue", "8000", 1, "", "",
                "\"Campaign 1\" <5551234>", Duration.ofSeconds(30), Map.of("ID_CAMPAIGN", "1", "ID_CALL", "1"),
                "campaign-1-call-1", "");
    }

    private static Arguments recorded(String trace, String actionId, PbxAction action) {
        return Arguments.of(trace, actionId, action);
    }
}
