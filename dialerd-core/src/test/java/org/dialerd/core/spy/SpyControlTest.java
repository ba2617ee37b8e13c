package org.dialerd.core.spy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.Test;

class SpyControlTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 10, 0);

    private final Pbx pbx = new Pbx();
    private final List<JournalRecord> written = new ArrayList<>();
    private final List<AgentEvent> events = new ArrayList<>();
    private final SpyControl spies = new SpyControl(pbx, new Writes(), CLOCK, events::add, "dialerd-1",
            SpyControl.DEFAULT_RING_TIMEOUT);

    private static SpyRequest request(String supervisor, String extension, SpyMode mode) {
        return new SpyRequest(supervisor, extension, "SIP/" + extension, "SIP/1001", "SIP/1001-00000007", mode);
    }

    @Test
    void listenOriginatesTheSupervisorsExtensionIntoQuietChanSpyOnTheAgentsLeg() {
        EngineResult result = spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        assertTrue(result.ok());
        assertEquals("dialerd-1-s1", result.status().orElseThrow());
        PbxAction.Originate originate = assertInstanceOf(PbxAction.Originate.class, pbx.sent.get(0));
        assertEquals("SIP/1005", originate.channel());
        assertEquals("ChanSpy", originate.application());
        assertEquals("SIP/1001-00000007,qdES", originate.data());
        assertEquals("dialerd-1-s1", originate.channelId());
        assertEquals(new JournalRecord.SpyOpened("dialerd-1-s1", "supervisor", "1005", "SIP/1001", "listen", NOW),
                written.get(0));
    }

    @Test
    void whisperTalksToTheAgentOnlyAndBargeToBoth() {
        spies.start(request("supervisor", "1005", SpyMode.WHISPER)).join();
        spies.start(new SpyRequest("boss", "1006", "SIP/1006", "SIP/1002", "SIP/1002-00000009", SpyMode.BARGE))
                .join();

        assertEquals("SIP/1001-00000007,qwdES", ((PbxAction.Originate) pbx.sent.get(0)).data());
        assertEquals("SIP/1002-00000009,qBdES", ((PbxAction.Originate) pbx.sent.get(1)).data());
    }

    @Test
    void chanSpyStartIsAuditedAndAnnouncedToTheSupervisor() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        pbx.emit(new PbxEvent.ChanSpyStart("SIP/1005-0000000a", "dialerd-1-s1", "SIP/1001-00000007", "x"));

        assertEquals(new JournalRecord.SpyConnected("dialerd-1-s1", NOW), written.get(1));
        AgentEvent.SpyStarted started = assertInstanceOf(AgentEvent.SpyStarted.class, events.get(0));
        assertEquals("supervisor", started.supervisor());
        assertEquals("SIP/1001", started.agentNumber());
        assertEquals("listen", started.mode());
    }

    @Test
    void stopHangsUpTheSpyChannelByNameAndItsHangupEndsTheSession() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();
        pbx.emit(new PbxEvent.NewChannel("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", "1005", "", ""));
        pbx.emit(new PbxEvent.ChanSpyStart("SIP/1005-0000000a", "dialerd-1-s1", "SIP/1001-00000007", "x"));

        assertTrue(spies.stop("supervisor", "SIP/1001").join().ok());
        assertEquals(new PbxAction.Hangup("SIP/1005-0000000a", 16), pbx.sent.get(1));

        pbx.emit(new PbxEvent.ChanSpyStop("SIP/1005-0000000a", "dialerd-1-s1", "SIP/1001-00000007"));
        pbx.emit(new PbxEvent.Hangup("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", 16, "Normal Clearing"));
        pbx.emit(new PbxEvent.Hangup("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", 16, "Normal Clearing"));

        assertEquals(List.of(new JournalRecord.SpyClosed("dialerd-1-s1", NOW,
                "The spy call ended (Normal Clearing)")), written.stream()
                .filter(JournalRecord.SpyClosed.class::isInstance).toList());
        assertInstanceOf(AgentEvent.SpyEnded.class, events.get(1));
        assertTrue(spies.liveSessions().isEmpty());
    }

    @Test
    void anExtensionSpiesOnOneAgentAtATime() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        EngineResult second = spies.start(new SpyRequest("boss", "1005", "SIP/1005", "SIP/1002", "SIP/1002-1",
                SpyMode.BARGE)).join();
        EngineResult again = spies.start(request("supervisor", "1006", SpyMode.BARGE)).join();

        assertEquals(409, second.failure().orElseThrow().code());
        assertEquals(409, again.failure().orElseThrow().code());
        assertEquals(1, pbx.sent.size());
    }

    @Test
    void spyagentAgainInAnotherModeSwitchesChanSpyWithItsDigitAndAuditsEachModesTime() {
        connectedListen();

        EngineResult whisper = spies.start(request("supervisor", "1005", SpyMode.WHISPER)).join();
        EngineResult barge = spies.start(request("supervisor", "1005", SpyMode.BARGE)).join();

        assertEquals("dialerd-1-s1", whisper.status().orElseThrow(), "the same session");
        assertEquals("dialerd-1-s1", barge.status().orElseThrow());
        assertEquals(List.of(new PbxAction.PlayDtmf("SIP/1005-0000000a", "5", true),
                new PbxAction.PlayDtmf("SIP/1005-0000000a", "6", true)), pbx.sent.subList(1, 3));
        assertEquals(List.of(
                new JournalRecord.SpyClosed("dialerd-1-s1", NOW, "Switched to whisper"),
                new JournalRecord.SpyOpened("dialerd-1-s1/2", "supervisor", "1005", "SIP/1001", "whisper", NOW),
                new JournalRecord.SpyConnected("dialerd-1-s1/2", NOW),
                new JournalRecord.SpyClosed("dialerd-1-s1/2", NOW, "Switched to barge"),
                new JournalRecord.SpyOpened("dialerd-1-s1/3", "supervisor", "1005", "SIP/1001", "barge", NOW),
                new JournalRecord.SpyConnected("dialerd-1-s1/3", NOW)), written.subList(2, 8));
        AgentEvent.SpyModeChanged changed = assertInstanceOf(AgentEvent.SpyModeChanged.class, events.get(1));
        assertEquals("whisper", changed.mode());
        assertEquals("dialerd-1-s1", changed.spyId());
        assertEquals("barge", ((AgentEvent.SpyModeChanged) events.get(2)).mode());

        pbx.emit(new PbxEvent.Hangup("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", 16, "Normal Clearing"));

        assertEquals(new JournalRecord.SpyClosed("dialerd-1-s1/3", NOW, "The spy call ended (Normal Clearing)"),
                written.get(8));
        assertEquals("barge", assertInstanceOf(AgentEvent.SpyEnded.class, events.get(3)).mode());
    }

    @Test
    void theSameModeAgainChangesNothing() {
        connectedListen();

        EngineResult again = spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        assertEquals("dialerd-1-s1", again.status().orElseThrow());
        assertEquals(1, pbx.sent.size());
        assertEquals(2, written.size());
    }

    @Test
    void aSwitchBeforeChanSpyStartedIsRefusedAndSendsNothing() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        EngineResult early = spies.start(request("supervisor", "1005", SpyMode.BARGE)).join();

        assertEquals(409, early.failure().orElseThrow().code());
        assertEquals(1, pbx.sent.size());
        assertEquals(1, written.size());
    }

    @Test
    void aRefusedDigitFailsAndKeepsTheModeAndItsAuditRow() {
        connectedListen();
        pbx.replies = action -> PbxReply.error("Channel not found");

        EngineResult refused = spies.start(request("supervisor", "1005", SpyMode.WHISPER)).join();

        assertEquals(500, refused.failure().orElseThrow().code());
        assertEquals(2, written.size());
        pbx.replies = action -> PbxReply.ok("Success");
        pbx.emit(new PbxEvent.Hangup("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", 16, "Normal Clearing"));
        assertEquals("listen", assertInstanceOf(AgentEvent.SpyEnded.class, events.get(1)).mode());
    }

    @Test
    void anAmiDisconnectionEndsTheSessionAndItsChannelIsHungUpWhenAmiIsBack() {
        connectedListen();

        pbx.emit(new PbxEvent.Disconnected("connection reset"));

        AgentEvent.SpyEnded ended = assertInstanceOf(AgentEvent.SpyEnded.class, events.get(1));
        assertTrue(ended.cause().startsWith("AMI connection lost"), ended.cause());
        assertEquals(1, pbx.sent.size(), "nothing sent while AMI is down");
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        assertEquals(new PbxAction.Hangup("SIP/1005-0000000a", 16), pbx.sent.get(1));
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        assertEquals(2, pbx.sent.size(), "once");
    }

    /** A listen session whose ChanSpy runs (spystart came). */
    private void connectedListen() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();
        pbx.emit(new PbxEvent.NewChannel("SIP/1005-0000000a", "dialerd-1-s1", "dialerd-1-s1", "1005", "", ""));
        pbx.emit(new PbxEvent.ChanSpyStart("SIP/1005-0000000a", "dialerd-1-s1", "SIP/1001-00000007", "x"));
    }

    @Test
    void stopWithoutASessionOnThatAgentIsRefusedAndSendsNothing() {
        EngineResult result = spies.stop("supervisor", "SIP/1001").join();

        assertEquals(417, result.failure().orElseThrow().code());
        assertTrue(pbx.sent.isEmpty());
    }

    @Test
    void aRefusedOriginateClosesTheAuditRowAndFails() {
        pbx.replies = action -> PbxReply.error("Originate failed");

        EngineResult result = spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        assertEquals(500, result.failure().orElseThrow().code());
        assertInstanceOf(JournalRecord.SpyClosed.class, written.get(1));
        assertTrue(spies.liveSessions().isEmpty());
    }

    @Test
    void anUnansweredSupervisorPhoneEndsTheSession() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        pbx.emit(new PbxEvent.OriginateResponse("dialerd-spy-1", false, 3, "SIP/1005", "dialerd-1-s1", "", ""));

        AgentEvent.SpyEnded ended = assertInstanceOf(AgentEvent.SpyEnded.class, events.get(0));
        assertTrue(ended.cause().contains("did not answer"), ended.cause());
        assertFalse(spies.liveSessions().contains("dialerd-1-s1"));
    }

    @Test
    void othersChanSpyIsIgnored() {
        spies.start(request("supervisor", "1005", SpyMode.LISTEN)).join();

        pbx.emit(new PbxEvent.ChanSpyStart("SIP/2000-00000001", "1733-22", "SIP/1001-00000007", "x"));

        assertTrue(events.isEmpty());
    }

    private static final class Pbx implements PbxGateway {
        final List<PbxAction> sent = new ArrayList<>();
        final List<Consumer<PbxEvent>> listeners = new ArrayList<>();
        Function<PbxAction, PbxReply> replies = action -> PbxReply.ok("Success");

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public CompletableFuture<PbxReply> send(PbxAction action) {
            sent.add(action);
            return CompletableFuture.completedFuture(replies.apply(action));
        }

        @Override
        public void addListener(Consumer<PbxEvent> listener) {
            listeners.add(listener);
        }

        void emit(PbxEvent event) {
            listeners.forEach(l -> l.accept(event));
        }
    }

    private final class Writes implements EngineWrites {
        @Override
        public long newId(IdTable table) {
            throw new UnsupportedOperationException("spy rows are keyed by their uniqueid");
        }

        @Override
        public void write(JournalRecord record) {
            written.add(record);
        }

        @Override
        public <T> CompletableFuture<T> readAfterWrites(String description, Supplier<T> read) {
            return CompletableFuture.completedFuture(read.get());
        }
    }
}
