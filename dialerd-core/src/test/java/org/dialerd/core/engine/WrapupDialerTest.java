package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.MembershipSource;
import org.junit.jupiter.api.Test;

/** An agent in wrap-up is paused in the campaign queue: the dialer places no call for it. */
class WrapupDialerTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final DaemonSettings SETTINGS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, false, 20, 0, 5);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakePbx pbx = new FakePbx();
    private final MemoryOutgoingCalls store = new MemoryOutgoingCalls(1, 5, 10);

    @Test
    void agentInWrapupIsNotFreeForTheDialer() {
        AgentEngine engine = new AgentEngine(pbx, new MemoryAudit(store::apply), scheduler,
                scheduler.clock(Instant.parse("2026-11-22T10:00:00Z")), AgentEngineSettings.DEFAULTS);
        engine.wrapups().use(new WrapupTimes(Map.of(1, Duration.ofSeconds(30)), Map.of(), Map.of(1, "8000"),
                Optional.empty()));
        scheduler.answer(engine.track(List.of(SIP_1001)));
        scheduler.answer(engine.login(SIP_1001, "1001", "SIP/1001", List.of(new MembershipSource.Membership("8000", 0)),
                Optional.empty()));
        pbx.emit(new PbxEvent.QueueMemberAdded(new PbxEvent.QueueMember("8000", "SIP 1001", "SIP/1001", "SIP/1001",
                "dynamic", 0, 0, 1, false, "", false)));
        LocalDateTime ten = LocalDateTime.of(2026, 11, 22, 10, 0);
        engine.announce(new AgentEvent.AgentUnlinked("SIP/1001", new CallLink("outgoing", 99, Optional.of(1),
                "5550099", "Local/5550099@customers-1;1", "9.1", "8000", "", ten, ten), ten, 60, false, 1));
        scheduler.settle();
        assertTrue(engine.view("SIP/1001").orElseThrow().wrapup().isPresent());

        engine.startOutboundDialer(store, () -> SETTINGS, new DialerSettings("Local/{phone}@customers",
                Duration.ofSeconds(1), "dialerd-t"));
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), pbx.sent(PbxAction.Originate.class), "no call while the agent wraps up");

        assertTrue(scheduler.answer(engine.endWrapup(SIP_1001)).ok());
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(1, pbx.sent(PbxAction.Originate.class).size(), "free again: one call for one agent");
    }
}
