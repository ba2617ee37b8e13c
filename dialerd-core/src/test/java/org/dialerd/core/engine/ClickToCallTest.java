package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.ClickToCallStore;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Click-to-call on the engine with scripted Asterisk events: the agent's line is originated
 * with Dial to the customer; the customer's channel (same linkedid) entering a bridge links the
 * call, its Hangup ends it; refusals dial nothing. Also the time in state the views carry.
 */
class ClickToCallTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final Instant EPOCH = Instant.parse("2026-12-02T10:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryAudit audit = new MemoryAudit();
    private final List<AgentEvent> events = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        engine = new AgentEngine(pbx, audit, scheduler, scheduler.clock(EPOCH), AgentEngineSettings.DEFAULTS);
        engine.addListener(events::add);
        ClickToCallStore store = (campaign, queues, phone) -> {
            created.add(campaign.map(String::valueOf).orElse("-") + " " + queues + " " + phone);
            return new ClickToCallStore.Outcome.Created(new ClickToCallStore.NewCall(42, 1, "Demo", "8000", ""));
        };
        engine.startClickToCall(store, () -> DaemonSettings.DEFAULTS,
                new DialerSettings("Local/{phone}@customers", Duration.ofSeconds(1), "dialerd-t"));
        scheduler.answer(engine.track(List.of(SIP_1001)));
    }

    private void login() {
        scheduler.answer(engine.login(SIP_1001, "1001", "Local/1001@agents", List.of(new Membership("8000", 0)),
                Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", "SIP 1001", "Local/1001@agents",
                "Local/1001@agents", "dynamic", 0, 0, 1, false, "", false)));
        scheduler.settle();
    }

    private AgentView view() {
        return engine.view(SIP_1001.channel()).orElseThrow();
    }

    private void emit(PbxEvent event) {
        pbx.emit(event);
        scheduler.settle();
    }

    @Test
    void ringsTheAgentsLineWithDialToTheCustomerAndFollowsTheCallToItsEnd() {
        login();
        ClickToCall.Outcome outcome = scheduler.answer(engine.dialNumber(SIP_1001, "5551234", Optional.empty()));
        assertEquals(Optional.empty(), outcome.failure());
        assertEquals(42, outcome.callId());
        assertEquals(List.of("- [8000] 5551234"), created, "the agent's queues choose the campaign");
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        assertEquals("Local/1001@agents", originate.channel());
        assertEquals("Dial", originate.application());
        assertEquals("Local/5551234@customers,45", originate.data());
        assertEquals(AgentStatus.ONCALL, view().status(), "reserved while its line rings");
        String agentLeg = originate.channelId();

        scheduler.advance(Duration.ofSeconds(1));
        emit(new PbxEvent.NewChannel("Local/1001@agents-00000001;1", agentLeg, agentLeg, "", "", ""));
        emit(new PbxEvent.NewChannel("Local/1001@agents-00000001;2", "sim.2", agentLeg, "", "agents", "1001"));
        emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, "Local/1001@agents-00000001;1",
                agentLeg, "", ""));
        emit(new PbxEvent.NewChannel("Local/5551234@customers-00000002;1", "sim.3", agentLeg, "", "customers",
                "5551234"));
        scheduler.advance(Duration.ofSeconds(2));
        emit(new PbxEvent.BridgeEnter("b1", "Local/5551234@customers-00000002;1", "sim.3", agentLeg));
        emit(new PbxEvent.BridgeEnter("b1", "Local/1001@agents-00000001;1", agentLeg, agentLeg));

        AgentEvent.AgentLinked linked = events.stream().filter(AgentEvent.AgentLinked.class::isInstance)
                .map(AgentEvent.AgentLinked.class::cast).findFirst().orElseThrow();
        assertEquals("Local/5551234@customers-00000002;1", linked.call().remoteChannel());
        assertEquals("sim.3", linked.call().uniqueId(), "a campaign call's uniqueid is the customer's");
        assertEquals(LocalDateTime.of(2026, 12, 2, 10, 0, 3), view().statusSince().orElseThrow());

        scheduler.advance(Duration.ofSeconds(30));
        emit(new PbxEvent.Hangup("Local/5551234@customers-00000002;1", "sim.3", agentLeg, 16, "Normal Clearing"));
        assertEquals(AgentStatus.ONLINE, view().status());
        assertEquals(LocalDateTime.of(2026, 12, 2, 10, 0, 33), view().statusSince().orElseThrow());
        assertTrue(events.stream().anyMatch(e -> e instanceof AgentEvent.AgentUnlinked u && u.durationSeconds() == 30));
        assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "Hangup"), audit.records.stream()
                .filter(JournalRecord.Progress.class::isInstance).map(r -> ((JournalRecord.Progress) r).newStatus())
                .toList());
        assertInstanceOf(JournalRecord.OutgoingEnded.class, audit.records.stream()
                .filter(r -> r instanceof JournalRecord.OutgoingEnded).findFirst().orElseThrow());
    }

    @Test
    void aCustomerWhoDoesNotAnswerFailsTheCallAndFreesTheAgent() {
        login();
        scheduler.answer(engine.dialNumber(SIP_1001, "5551234", Optional.of(1)));
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        String agentLeg = originate.channelId();
        emit(new PbxEvent.NewChannel("Local/1001@agents-00000001;1", agentLeg, agentLeg, "", "", ""));
        emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, "Local/1001@agents-00000001;1",
                agentLeg, "", ""));
        emit(new PbxEvent.NewChannel("Local/5551234@customers-00000002;1", "sim.3", agentLeg, "", "", ""));
        emit(new PbxEvent.Hangup("Local/5551234@customers-00000002;1", "sim.3", agentLeg, 19, "No answer"));
        assertEquals(AgentStatus.ONLINE, view().status());
        JournalRecord.OutgoingFailed failed = (JournalRecord.OutgoingFailed) audit.records.stream()
                .filter(r -> r instanceof JournalRecord.OutgoingFailed).findFirst().orElseThrow();
        assertEquals("NoAnswer", failed.status());
        assertTrue(pbx.sent(PbxAction.Hangup.class).stream().anyMatch(h -> h.channel().equals(
                "Local/1001@agents-00000001;1")), "the agent's phone is hung up");
        assertTrue(events.stream().noneMatch(AgentEvent.AgentLinked.class::isInstance));
    }

    @Test
    void anAgentNotLoggedInOnABreakOrOnACallIsRefusedAndNothingIsDialled() {
        assertEquals(417, scheduler.answer(engine.dialNumber(SIP_1001, "5551234", Optional.empty())).failure()
                .orElseThrow().code());
        login();
        scheduler.answer(engine.pause(SIP_1001, 2, "Lunch"));
        assertEquals("Agent is on a break", scheduler.answer(engine.dialNumber(SIP_1001, "5551234",
                Optional.empty())).failure().orElseThrow().message());
        scheduler.answer(engine.unpause(SIP_1001));
        scheduler.answer(engine.dialNumber(SIP_1001, "5551234", Optional.empty()));
        assertEquals("Agent already in call", scheduler.answer(engine.dialNumber(SIP_1001, "5559999",
                Optional.empty())).failure().orElseThrow().message());
        assertEquals(1, pbx.sent(PbxAction.Originate.class).size());
        assertEquals(1, created.size());
    }

    @Test
    void theTimeInStateIsWhenTheStateBeganNotWhenTheViewWasPublished() {
        login();
        assertEquals(LocalDateTime.of(2026, 12, 2, 10, 0, 0), view().statusSince().orElseThrow());
        scheduler.advance(Duration.ofSeconds(90));
        scheduler.answer(engine.pause(SIP_1001, 2, "Lunch"));
        assertEquals(LocalDateTime.of(2026, 12, 2, 10, 1, 30), view().statusSince().orElseThrow());
        scheduler.advance(Duration.ofSeconds(10));
        pbx.emit(new PbxEvent.QueueMemberStatus(new PbxEvent.QueueMember("8000", "SIP 1001", "Local/1001@agents",
                "Local/1001@agents", "dynamic", 0, 0, 1, true, "Lunch", false)));
        scheduler.settle();
        assertEquals(LocalDateTime.of(2026, 12, 2, 10, 1, 30), view().statusSince().orElseThrow(),
                "republished in the same state: the time stays");
    }
}
