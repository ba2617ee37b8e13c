package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dialerd restarted during calls: the calls still up go on; the calls gone end with the right status. */
class CallTakeoverTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final LocalDateTime NINE = LocalDateTime.of(2026, 11, 22, 9, 0);
    private static final String CALLER = "Local/5557001@incoming-00000003;2";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryIncomingCalls incoming = new MemoryIncomingCalls();
    private final MemoryOutgoingCalls outgoing = new MemoryOutgoingCalls(0, 5, 0);
    private final MemoryAudit audit = new MemoryAudit(incoming::apply, outgoing::apply);
    private final List<AgentEvent> events = new ArrayList<>();
    private final List<Map<String, String>> channels = new ArrayList<>();
    private final List<Map<String, String>> members = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, incoming, audit, scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        pbx.replies = action -> action instanceof PbxAction.CoreShowChannels ? list(channels)
                : action instanceof PbxAction.QueueStatus ? list(members)
                : action instanceof PbxAction.Agents ? list(List.of()) : PbxReply.ok("Success");
        settle(engine.track(List.of(SIP_1001)));
        engine.startOutboundDialer(outgoing, () -> DaemonSettings.DEFAULTS, new DialerSettings("Local/{phone}@customers",
                Duration.ofSeconds(1), "dialerd-t"));
        incoming.callEntered(1, 1, "5557001", "DAHDI/1", "100.7", NINE); // the rows of the previous run
        incoming.callEntered(1, 1, "5557002", "DAHDI/1", "100.9", NINE);
        members.add(Map.of("Event", "QueueMember", "Queue", "8001", "Name", "SIP 1001", "Location", "SIP/1001",
                "StateInterface", "SIP/1001", "Membership", "dynamic", "Paused", "0", "Status", "2"));
    }

    @Test
    void callStillUpGoesOnWithItsAgentAndEndsWithAgentUnlinked() {
        channels.add(Map.of("Channel", CALLER, "Uniqueid", "100.7"));
        inherit(List.of(), List.of(new IncomingCallStore.UnfinishedCall(1, 1, "8001", null, "5557001", "DAHDI/1",
                "100.7", NINE, NINE.plusSeconds(5), 6)));

        connected();
        assertEquals(AgentStatus.ONCALL, engine.view("SIP/1001").orElseThrow().status());
        assertEquals(1L, engine.view("SIP/1001").orElseThrow().call().orElseThrow().callId());

        pbx.emit(new PbxEvent.Hangup(CALLER, "100.7", "100.6", 16, "Normal Clearing"));
        settle(CompletableFuture.completedFuture(null));
        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked).count());
        assertEquals("terminada", incoming.row(1).status);
        assertEquals(AgentStatus.ONLINE, engine.view("SIP/1001").orElseThrow().status());
    }

    @Test
    void callsGoneWhileDialerdWasDownEndWithTheRightStatus() {
        outgoing.inProgress(11, "Success", "Placing", "Dialing", "Ringing", "OnQueue", "Success");
        outgoing.inProgress(12, "OnQueue", "Placing", "Dialing", "Ringing", "OnQueue");
        outgoing.inProgress(13, "Placing", "Placing", "Dialing");
        inherit(List.of(
                outgoingRow(11, "Success", "dialerd-x.1", NINE.plusSeconds(8), 6),
                outgoingRow(12, "OnQueue", "dialerd-x.2", null, null),
                outgoingRow(13, "Placing", null, null, null)),
                List.of(new IncomingCallStore.UnfinishedCall(2, 1, "8001", null, "5557002", "DAHDI/1", "100.9", NINE,
                        null, null)));

        connected();
        scheduler.advance(Duration.ofSeconds(3)); // the dialing call's grace for an OriginateResponse
        settle(CompletableFuture.completedFuture(null));

        assertEquals("Success", outgoing.call(11).status, "the linked call finished");
        assertEquals(1, events.stream().filter(e -> e instanceof AgentEvent.AgentUnlinked u
                && u.call().callId() == 11).count(), "its agent told");
        assertEquals("Abandoned", outgoing.call(12).status);
        assertEquals("Failure", outgoing.call(13).status);
        assertEquals("gone from Asterisk", outgoing.call(13).failureText);
        assertEquals("abandonada", incoming.row(2).status);
        assertEquals(List.of(), outgoing.violations());
        assertEquals(Map.of(), outgoing.openAttempts(), "every attempt got its final status");
    }

    @Test
    void dialingCallWithoutUniqueidIsFoundByItsIdCallVariable() {
        outgoing.inProgress(13, "Placing", "Placing", "Dialing");
        channels.add(Map.of("Channel", "Local/5550013@customers-0000000a;1", "Uniqueid", "dialerd-1700000000.3"));
        channels.add(Map.of("Channel", "Local/5550013@customers-0000000a;2", "Uniqueid", "1700000000.4"));
        pbx.replies = action -> action instanceof PbxAction.GetVar get
                ? new PbxReply(true, "", Map.of("Value", get.channel().endsWith(";1") ? "13" : ""), List.of(), List.of())
                : action instanceof PbxAction.CoreShowChannels ? list(channels)
                : action instanceof PbxAction.QueueStatus ? list(members) : list(List.of());
        inherit(List.of(outgoingRow(13, "Placing", null, null, null)), List.of());

        connected();
        pbx.emit(new PbxEvent.QueueCallerJoin("8000", "Local/5550013@customers-0000000a;1", "dialerd-1700000000.3",
                "dialerd-1700000000.3", "5550013", "", 1, 1));
        settle(CompletableFuture.completedFuture(null));

        assertEquals(List.of(new PbxAction.GetVar("Local/5550013@customers-0000000a;1", "ID_CALL")),
                pbx.sent(PbxAction.GetVar.class), "only the channel whose uniqueid is dialerd's is asked");
        assertEquals("OnQueue", outgoing.call(13).status, "followed again: it reached the queue");
    }

    @Test
    void holdOfACallerStillParkedContinuesAndUnholdRetrievesIt() {
        channels.add(Map.of("Channel", CALLER, "Uniqueid", "100.7", "Application", "Park"));
        pausedForHold();
        long session = audit.open(6, null, NINE, null);
        long hold = audit.open(6, 1, NINE.plusSeconds(30), "701");
        settle(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of(held())));

        connected();

        assertTrue(engine.view("SIP/1001").orElseThrow().onHold(), "on hold again");
        assertEquals(1L, engine.view("SIP/1001").orElseThrow().call().orElseThrow().callId());
        assertEquals(List.of(), pbx.sent(PbxAction.QueuePause.class), "left paused: the hold goes on");
        assertEquals(List.of(session, hold), audit.open().stream().map(r -> r.id).toList(), "both rows continue");
        assertTrue(settle(engine.unhold(SIP_1001)).ok());
        PbxAction.Originate retrieve = pbx.sent(PbxAction.Originate.class).get(0);
        assertEquals(List.of("SIP/1001", "parkedcalls", "701"), List.of(retrieve.channel(), retrieve.context(),
                retrieve.exten()), "the agent's phone is called into the parking space the row kept");

        pbx.emit(new PbxEvent.UnParkedCall(CALLER, "100.7", "701", "SIP/1001-00000001"));
        settle(CompletableFuture.completedFuture(null));
        assertEquals(List.of(session), audit.open().stream().map(r -> r.id).toList(), "the hold row is closed");
        assertEquals(NINE.plusSeconds(30), audit.snapshot().get(1).start, "one hold, one row, from its start");
        assertEquals(List.of(new PbxAction.QueuePause("", "SIP/1001", false, "")),
                pbx.sent(PbxAction.QueuePause.class), "unpaused once the call is back");
        assertEquals("OffHold", incoming.row(1).progress.get(incoming.row(1).progress.size() - 1));
        assertTrue(!engine.view("SIP/1001").orElseThrow().onHold());
    }

    @Test
    void holdWhoseCallerHungUpWhileDialerdWasDownEndsAndTheAgentIsUnpaused() {
        pausedForHold();
        audit.open(6, null, NINE, null);
        audit.open(6, 1, NINE.plusSeconds(30), "701");
        audit.lastKnown = NINE.plusSeconds(30);
        settle(engine.inheritFromPreviousRun(audit.openRows(), List.of(), List.of(held())));

        connected();

        assertTrue(!engine.view("SIP/1001").orElseThrow().onHold());
        assertEquals(AgentStatus.ONLINE, engine.view("SIP/1001").orElseThrow().status());
        assertEquals(List.of(new PbxAction.QueuePause("", "SIP/1001", false, "")),
                pbx.sent(PbxAction.QueuePause.class), "unpaused in Asterisk");
        assertEquals(1, audit.open().size(), "only the session goes on");
        assertEquals(NINE.plusSeconds(30), audit.snapshot().get(1).end, "the hold row ends at the last time known");
        assertEquals("terminada", incoming.row(1).status);
    }

    /** Asterisk has SIP/1001 paused with the hold reason. */
    private void pausedForHold() {
        members.clear();
        members.add(Map.of("Event", "QueueMember", "Queue", "8001", "Name", "SIP 1001", "Location", "SIP/1001",
                "StateInterface", "SIP/1001", "Membership", "dynamic", "Paused", "1", "PausedReason",
                HoldControl.HOLD_REASON, "Status", "2"));
    }

    /** The previous run's row of call 1: linked to SIP/1001, on hold. */
    private static IncomingCallStore.UnfinishedCall held() {
        return new IncomingCallStore.UnfinishedCall(1, 1, "8001", null, "5557001", "DAHDI/1", "100.7", NINE,
                NINE.plusSeconds(5), 6);
    }

    private static OutgoingCallStore.UnfinishedCall outgoingRow(long id, String status, String uniqueId,
                                                                LocalDateTime linkStart, Integer agentId) {
        boolean answered = !status.equals("Placing");
        return new OutgoingCallStore.UnfinishedCall(id, 1, String.valueOf(5_550_000 + id), status, uniqueId, 1, null,
                "8000", NINE, answered ? NINE.plusSeconds(3) : null, answered ? NINE.plusSeconds(4) : null,
                linkStart, agentId);
    }

    private void inherit(List<OutgoingCallStore.UnfinishedCall> out, List<IncomingCallStore.UnfinishedCall> in) {
        settle(engine.inheritFromPreviousRun(List.of(), out, in));
    }

    private void connected() {
        pbx.emit(new PbxEvent.Connected("Asterisk 22"));
        settle(CompletableFuture.completedFuture(null));
    }

    private <T> T settle(CompletableFuture<T> future) {
        for (int i = 0; i < 5; i++) {
            scheduler.runUntilIdle();
        }
        scheduler.runUntilIdle();
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), items);
    }
}
