package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A campaign call whose outcome AMI lost still ends, frees its channel of max_canales, and the
 * campaign keeps dialling: one channel (max_canales 1) makes a stuck call stop everything.
 */
class OriginateWatchdogTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    /** timeout_originate 20 s: the deadline is 20 s + the 10 s margin. */
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 5);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls store = new MemoryOutgoingCalls(1, 5, 10);
    private final List<AgentEvent> events = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, new MemoryAudit(store::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        settle(engine.track(List.of(SIP_1001)));
        settle(engine.login(SIP_1001, "1001", "SIP/1001", List.of(new org.dialerd.core.store.MembershipSource
                .Membership("8000", 0)), Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", "SIP 1001", "SIP/1001", "SIP/1001",
                "dynamic", 0, 0, 1, false, "", false)));
        settle(CompletableFuture.completedFuture(null));
    }

    @Test
    void lostOriginateResponseEndsTheCallAtTheDeadlineAndTheCampaignDialsOn() {
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(2));
        assertEquals(1, originates().size(), "one channel: one call at a time");

        advance(Duration.ofSeconds(20));
        assertEquals(1, originates().size(), "still within the originate timeout: waiting for its outcome");

        advance(Duration.ofSeconds(10));
        MemoryOutgoingCalls.Call first = store.call(callOf(originates().get(0)));
        assertEquals("Failure", first.status);
        assertEquals("no OriginateResponse", first.failureText);
        assertEquals(2, originates().size(), "its channel is free again: the next call is placed");
        assertEquals(List.of(), store.violations());
    }

    @Test
    void channelHangupWithoutOriginateResponseEndsTheCallWithTheHangupCause() {
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(2));
        PbxAction.Originate originate = originates().get(0);

        pbx.emit(new PbxEvent.Hangup(originate.channel() + "-00000001;1", originate.channelId(), "", 17, "User busy"));
        advance(Duration.ofSeconds(3));

        MemoryOutgoingCalls.Call call = store.call(callOf(originate));
        assertEquals("Failure", call.status);
        assertEquals(17, call.failureCause);
        assertEquals(2, originates().size());
    }

    @Test
    void originateResponseRightAfterTheHangupDecidesAsUsual() {
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(2));
        PbxAction.Originate originate = originates().get(0);

        pbx.emit(new PbxEvent.Hangup(originate.channel() + "-00000001;1", originate.channelId(), "", 0, "Unknown"));
        pbx.emit(new PbxEvent.OriginateResponse(originate.actionId(), false, 3, originate.channel(),
                originate.channelId(), "", ""));
        advance(Duration.ofSeconds(5));

        MemoryOutgoingCalls.Call call = store.call(callOf(originate));
        assertEquals("NoAnswer", call.status);
        assertEquals(Map.of("Dialing", 2L, "NoAnswer", 1L, "Placing", 2L), store.logged(),
                "one final status for the first attempt, the second still dialling");
    }

    @Test
    void unansweredOriginateIsFollowedByItsEventsAsAsteriskMayBeDialling() {
        pbx.answers = action -> action instanceof PbxAction.Originate
                ? CompletableFuture.failedFuture(new PbxNoAnswerException("AMI Originate: no answer within 5000 ms"))
                : CompletableFuture.completedFuture(PbxReply.ok("Success"));
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(7));
        PbxAction.Originate originate = originates().get(0);
        assertEquals("Placing", store.call(callOf(originate)).status, "not failed on a missing answer");

        pbx.emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, "Local/5550001@customers-01;1",
                originate.channelId(), "", ""));
        advance(Duration.ofSeconds(1));
        assertEquals("Ringing", store.call(callOf(originate)).status);
    }

    @Test
    void refusedOriginateFailsAtOnce() {
        pbx.replies = action -> action instanceof PbxAction.Originate ? PbxReply.error("Originate failed")
                : PbxReply.ok("Success");
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(2));

        MemoryOutgoingCalls.Call call = store.call(callOf(originates().get(0)));
        assertEquals("Failure", call.status);
        assertEquals("Originate refused: Originate fai", call.failureText, "cut to the 32-char column");
    }

    @Test
    void pendingCallFromBeforeAnAsteriskRestartEndsAfterTheResync() {
        engine.startOutboundDialer(store, () -> SETTINGS, dialer());
        advance(Duration.ofSeconds(2));
        PbxAction.Originate originate = originates().get(0);

        pbx.emit(new PbxEvent.Disconnected("AMI connection lost"));
        pbx.emit(new PbxEvent.Connected("Asterisk 22")); // CoreShowChannels: no channels
        advance(Duration.ofSeconds(4));

        MemoryOutgoingCalls.Call call = store.call(callOf(originate));
        assertEquals("Failure", call.status);
        assertEquals("gone from Asterisk", call.failureText);
    }

    private static DialerSettings dialer() {
        return new DialerSettings("Local/{phone}@customers", Duration.ofSeconds(1), "dialerd-t");
    }

    private List<PbxAction.Originate> originates() {
        return pbx.sent(PbxAction.Originate.class);
    }

    private static long callOf(PbxAction.Originate originate) {
        return Long.parseLong(originate.variables().get("ID_CALL"));
    }

    /** Virtual time in 100 ms steps; database writes and what they release run in between. */
    private void advance(Duration total) {
        for (long ms = 0; ms < total.toMillis(); ms += 100) {
            settle(CompletableFuture.completedFuture(null));
            scheduler.advance(Duration.ofMillis(100));
        }
        settle(CompletableFuture.completedFuture(null));
    }

    private <T> T settle(CompletableFuture<T> future) {
        for (int i = 0; i < 4; i++) {
            scheduler.runUntilIdle();
        }
        scheduler.runUntilIdle();
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }
}
