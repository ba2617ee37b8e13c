package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.ClickToCallStore;
import org.dialerd.core.store.MembershipSource.Membership;
import org.dialerd.core.store.OutgoingCallStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Click-to-call calls when their events are lost: an AMI reconnection's resync ends the call
 * whose customer is gone and links the one whose customer is talking; a restart takes over a
 * call still up from its row and follows it to its end. Asterisk's channel list is scripted.
 */
class ClickToCallRecoveryTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final Instant EPOCH = Instant.parse("2026-12-02T10:00:00Z");
    private static final String AGENT_LINE = "Local/1001@agents";
    private static final String AGENT_LEG = "Local/1001@agents-00000001;1";
    private static final String CUSTOMER = "Local/5551234@customers-00000002;1";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryAudit audit = new MemoryAudit();
    private final List<AgentEvent> events = new ArrayList<>();
    /** What Asterisk lists: its channels (CoreShowChannels). The agent stays a member of 8000. */
    private final List<Map<String, String>> channels = new ArrayList<>();
    private AgentEngine engine;

    @BeforeEach
    void start() {
        pbx.replies = action -> action instanceof PbxAction.CoreShowChannels ? list(channels)
                : action instanceof PbxAction.QueueStatus ? list(List.of(Map.of("Queue", "8000", "Name", "SIP 1001",
                        "Location", AGENT_LINE, "StateInterface", AGENT_LINE, "Membership", "dynamic", "Status", "2",
                        "Paused", "0")))
                : action instanceof PbxAction.Agents ? list(List.of()) : PbxReply.ok("Success");
        engine = newEngine();
    }

    private AgentEngine newEngine() {
        AgentEngine started = new AgentEngine(pbx, audit, scheduler, scheduler.clock(EPOCH),
                AgentEngineSettings.DEFAULTS);
        started.addListener(events::add);
        ClickToCallStore store = (campaign, queues, phone) -> new ClickToCallStore.Outcome.Created(
                new ClickToCallStore.NewCall(42, 1, "Demo", "8000", ""));
        started.startClickToCall(store, () -> DaemonSettings.DEFAULTS,
                new DialerSettings("Local/{phone}@customers", Duration.ofSeconds(1), "dialerd-t"));
        scheduler.answer(started.track(List.of(SIP_1001)));
        return started;
    }

    private void emit(PbxEvent event) {
        pbx.emit(event);
        scheduler.settle();
    }

    /** Logged in, the call placed and its agent leg answered; returns the agent leg's uniqueid. */
    private String agentAnswered() {
        scheduler.answer(engine.login(SIP_1001, "1001", AGENT_LINE, List.of(new Membership("8000", 0)),
                Optional.empty()));
        emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", "SIP 1001", AGENT_LINE, AGENT_LINE,
                "dynamic", 0, 0, 1, false, "", false)));
        scheduler.answer(engine.dialNumber(SIP_1001, "5551234", Optional.empty()));
        PbxAction.Originate originate = pbx.sent(PbxAction.Originate.class).get(0);
        String agentLeg = originate.channelId();
        emit(new PbxEvent.NewChannel(AGENT_LEG, agentLeg, agentLeg, "", "", ""));
        emit(new PbxEvent.OriginateResponse(originate.actionId(), true, 4, AGENT_LEG, agentLeg, "", ""));
        emit(new PbxEvent.NewChannel(CUSTOMER, "sim.3", agentLeg, "", "customers", "5551234"));
        return agentLeg;
    }

    private static Map<String, String> channel(String name, String uniqueId, String linkedId, String bridge) {
        Map<String, String> item = new HashMap<>();
        item.put("Channel", name);
        item.put("Uniqueid", uniqueId);
        item.put("Linkedid", linkedId);
        item.put("ChannelState", "6");
        item.put("BridgeId", bridge);
        return item;
    }

    private List<String> progress() {
        return audit.records.stream().filter(JournalRecord.Progress.class::isInstance)
                .map(r -> ((JournalRecord.Progress) r).newStatus()).toList();
    }

    private AgentStatus status() {
        return engine.view(SIP_1001.channel()).orElseThrow().status();
    }

    @Test
    void aLinkedCallWhoseCustomerHungUpDuringAnAmiOutageEndsAtTheReconnection() {
        String agentLeg = agentAnswered();
        scheduler.advance(Duration.ofSeconds(2));
        emit(new PbxEvent.BridgeEnter("b1", CUSTOMER, "sim.3", agentLeg));
        assertEquals(AgentStatus.ONCALL, status());
        emit(new PbxEvent.Disconnected("test"));
        scheduler.advance(Duration.ofSeconds(20)); // the customer hangs up; nobody hears it
        events.clear();

        emit(new PbxEvent.Connected("22.0.0")); // Asterisk lists no channel of the call
        assertTrue(events.stream().anyMatch(e -> e instanceof AgentEvent.AgentUnlinked u && u.durationSeconds() == 20),
                events.toString());
        assertEquals(AgentStatus.ONLINE, status());
        assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "Hangup"), progress());
        assertEquals(1, audit.records.stream().filter(JournalRecord.OutgoingEnded.class::isInstance).count());
    }

    @Test
    void aCallLinkedWhileAmiWasDownIsLinkedByTheResyncAndEndsWithItsHangup() {
        String agentLeg = agentAnswered();
        emit(new PbxEvent.Disconnected("test")); // the BridgeEnter is lost
        scheduler.advance(Duration.ofSeconds(3));
        channels.add(channel(AGENT_LEG, agentLeg, agentLeg, "b1"));
        channels.add(channel(CUSTOMER, "sim.3", agentLeg, "b1"));
        emit(new PbxEvent.Connected("22.0.0"));
        AgentEvent.AgentLinked linked = events.stream().filter(AgentEvent.AgentLinked.class::isInstance)
                .map(AgentEvent.AgentLinked.class::cast).findFirst().orElseThrow();
        assertEquals("sim.3", linked.call().uniqueId());
        assertEquals(AgentStatus.ONCALL, status());

        scheduler.advance(Duration.ofSeconds(30));
        emit(new PbxEvent.Hangup(CUSTOMER, "sim.3", agentLeg, 16, "Normal Clearing"));
        assertEquals(AgentStatus.ONLINE, status());
        assertEquals(List.of("Placing", "Dialing", "Ringing", "Success", "Hangup"), progress());
    }

    @Test
    void aCallWhoseCustomerGaveUpWhileAmiWasDownFailsAndTheAgentsPhoneIsHungUp() {
        String agentLeg = agentAnswered();
        emit(new PbxEvent.Disconnected("test"));
        channels.add(channel(AGENT_LEG, agentLeg, agentLeg, ""));
        emit(new PbxEvent.Connected("22.0.0"));
        assertEquals(AgentStatus.ONLINE, status());
        assertEquals("Failure", progress().get(progress().size() - 1));
        assertTrue(pbx.sent(PbxAction.Hangup.class).stream().anyMatch(h -> h.channel().equals(AGENT_LEG)));
        assertTrue(events.stream().noneMatch(AgentEvent.AgentLinked.class::isInstance));
    }

    @Test
    void aRestartTakesALinkedCallOverFromItsRowAndFollowsItToItsEnd() {
        String agentLeg = "dialerd-t.c1"; // the previous run's
        LocalDateTime linkStart = LocalDateTime.now(scheduler.clock(EPOCH)).withNano(0).minusSeconds(60);
        OutgoingCallStore.UnfinishedCall row = new OutgoingCallStore.UnfinishedCall(42, 1, "5551234", "Success",
                "sim.3", 1, null, "8000", linkStart.minusSeconds(5), linkStart, linkStart, linkStart, 6);
        scheduler.answer(engine.inheritFromPreviousRun(List.of(), List.of(row), List.of()));
        channels.add(channel(AGENT_LEG, agentLeg, agentLeg, "b1"));
        channels.add(channel(CUSTOMER, "sim.3", agentLeg, "b1"));
        emit(new PbxEvent.Connected("22.0.0"));
        assertEquals(AgentStatus.ONCALL, status(), "the agent, taken over, is on its call");

        emit(new PbxEvent.Hangup(AGENT_LEG, agentLeg, agentLeg, 16, "Normal Clearing"));
        assertEquals(AgentStatus.ONCALL, status(), "linked: only the customer's hangup ends it");
        emit(new PbxEvent.Hangup(CUSTOMER, "sim.3", agentLeg, 16, "Normal Clearing"));
        AgentEvent.AgentUnlinked unlinked = events.stream().filter(AgentEvent.AgentUnlinked.class::isInstance)
                .map(AgentEvent.AgentUnlinked.class::cast).findFirst().orElseThrow();
        assertEquals(60, unlinked.durationSeconds(), "from the link the row recorded");
        assertEquals(AgentStatus.ONLINE, status());
        assertEquals(List.of("Hangup"), progress());
        JournalRecord.OutgoingEnded ended = (JournalRecord.OutgoingEnded) audit.records.stream()
                .filter(JournalRecord.OutgoingEnded.class::isInstance).findFirst().orElseThrow();
        assertEquals(42, ended.callId());
    }

    @Test
    void aRestartTakesOverACallStillRingingTheAgentAndLinksItToTheAgentWhoseLineItIs() {
        String agentLeg = "dialerd-t.c1";
        OutgoingCallStore.UnfinishedCall row = new OutgoingCallStore.UnfinishedCall(42, 1, "5551234", "Placing",
                null, 1, null, "8000", LocalDateTime.now(scheduler.clock(EPOCH)).minusSeconds(5), null, null, null, null);
        scheduler.answer(engine.inheritFromPreviousRun(List.of(), List.of(row), List.of()));
        channels.add(channel(AGENT_LEG, agentLeg, agentLeg, ""));
        pbx.replies = withIdCall(pbx.replies, AGENT_LEG, "42");
        emit(new PbxEvent.Connected("22.0.0"));
        assertEquals(AgentStatus.ONCALL, status(), "taken over, and reserved again while its line rings");

        emit(new PbxEvent.NewChannel(CUSTOMER, "sim.3", agentLeg, "", "customers", "5551234"));
        emit(new PbxEvent.BridgeEnter("b1", CUSTOMER, "sim.3", agentLeg));
        AgentEvent.AgentLinked linked = events.stream().filter(AgentEvent.AgentLinked.class::isInstance)
                .map(AgentEvent.AgentLinked.class::cast).findFirst().orElseThrow();
        assertEquals(SIP_1001.channel(), linked.agentNumber());
        assertEquals(AgentStatus.ONCALL, status());
        scheduler.advance(Duration.ofSeconds(30));
        emit(new PbxEvent.Hangup(CUSTOMER, "sim.3", agentLeg, 16, "Normal Clearing"));
        assertEquals(AgentStatus.ONLINE, status());
        assertEquals(List.of("Ringing", "Success", "Hangup"), progress());
    }

    private static java.util.function.Function<PbxAction, PbxReply> withIdCall(
            java.util.function.Function<PbxAction, PbxReply> others, String channel, String callId) {
        return action -> action instanceof PbxAction.GetVar g && g.channel().equals(channel)
                && g.variable().equals("ID_CALL")
                ? new PbxReply(true, "", Map.of("Value", callId), List.of(), List.of()) : others.apply(action);
    }

    private static PbxReply list(List<Map<String, String>> items) {
        return new PbxReply(true, "", Map.of(), List.of(), List.copyOf(items));
    }
}
