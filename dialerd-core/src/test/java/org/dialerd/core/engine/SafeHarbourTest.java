package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An answered campaign call no agent takes within 2 s goes to the campaign's safe-harbour message. */
class SafeHarbourTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 5);
    private static final CampaignOptions WITH_TARGET = new CampaignOptions(DialMode.REFERENCE, 3.0,
            Optional.of("safe-harbour,s,1"), Duration.ZERO);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls store = new MemoryOutgoingCalls(1, 5, 10);
    private AgentEngine engine;

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, new MemoryAudit(store::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        settle(engine.track(List.of(SIP_1001)));
        settle(engine.login(SIP_1001, "1001", "SIP/1001", List.of(new org.dialerd.core.store.MembershipSource
                .Membership("8000", 0)), Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", "SIP 1001", "SIP/1001", "SIP/1001",
                "dynamic", 0, 0, 1, false, "", false)));
        settle(CompletableFuture.completedFuture(null));
    }

    @Test
    void aCustomerStillWaitingTwoSecondsAfterTheAnswerIsRedirectedAndEndsAbandonedAtItsHangup() {
        store.options = Map.of(1, WITH_TARGET);
        PbxAction.Originate originate = answeredAndQueued();
        advance(Duration.ofMillis(1800));
        assertTrue(redirects().isEmpty(), "within the rule's 2 s nothing is done");

        advance(Duration.ofMillis(400));
        assertEquals(List.of(new PbxAction.Redirect(channel(originate), "safe-harbour", "s", 1, "", "", "", 0)),
                redirects());
        MemoryOutgoingCalls.Call call = store.call(callOf(originate));
        assertEquals("SafeHarbour", call.failureText);

        // Leaving Queue() by the redirect is the queue's abandon; the call goes on to its message.
        pbx.emit(new PbxEvent.QueueCallerAbandon("8000", channel(originate), originate.channelId(), 1, 1,
                Duration.ofSeconds(2)));
        advance(Duration.ofSeconds(3));
        assertEquals("OnQueue", call.status, "followed until the message's dialplan hangs up");

        pbx.emit(new PbxEvent.Hangup(channel(originate), originate.channelId(), "", 16, "Normal Clearing"));
        advance(Duration.ofMillis(200));
        assertEquals("Abandoned", call.status);
        assertEquals(1, redirects().size());
    }

    @Test
    void withoutATargetTheCustomerWaitsInTheQueueAsBefore() {
        PbxAction.Originate originate = answeredAndQueued();
        advance(Duration.ofSeconds(5));

        assertTrue(redirects().isEmpty());
        MemoryOutgoingCalls.Call call = store.call(callOf(originate));
        assertEquals("OnQueue", call.status);
        assertNull(call.failureText);
    }

    @Test
    void aCallAnAgentTookInTimeIsNotRedirected() {
        store.options = Map.of(1, WITH_TARGET);
        PbxAction.Originate originate = answeredAndQueued();
        advance(Duration.ofMillis(900));
        pbx.emit(new PbxEvent.AgentConnect("8000", channel(originate), originate.channelId(), "", "SIP/1001-01",
                "u-agent", "SIP/1001", "SIP 1001", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        advance(Duration.ofSeconds(3));

        assertTrue(redirects().isEmpty());
        assertEquals("Success", store.call(callOf(originate)).status);
    }

    /** The dialer places a call; the customer answers and joins the campaign queue at once. */
    private PbxAction.Originate answeredAndQueued() {
        engine.startOutboundDialer(store, () -> SETTINGS, new DialerSettings("Local/{phone}@customers",
                Duration.ofSeconds(1), "dialerd-t"));
        settle(CompletableFuture.completedFuture(null));
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        pbx.emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, channel(originate),
                originate.channelId(), "", ""));
        pbx.emit(new PbxEvent.QueueCallerJoin("8000", channel(originate), originate.channelId(), "", "", "", 1, 1));
        settle(CompletableFuture.completedFuture(null));
        return originate;
    }

    private static String channel(PbxAction.Originate originate) {
        return originate.channel() + "-00000001;1";
    }

    private List<PbxAction.Redirect> redirects() {
        return pbx.sent(PbxAction.Redirect.class);
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
        for (int i = 0; i < 5; i++) {
            scheduler.runUntilIdle();
        }
        assertTrue(future.isDone(), "engine answered");
        return future.join();
    }
}
