package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.junit.jupiter.api.Test;

class AgentActivityLogTest {
    private static final LocalDateTime T0 = LocalDateTime.parse("2026-11-22T10:00:00");
    private static final Agent AGENT = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("pw"));
    private static final AgentView ONLINE = AgentView.builder(AGENT, AgentStatus.ONLINE)
            .channel("Local/1001@agents-1;2").extension("1001").queues(List.of("8000")).loginStart(T0).build();

    /** Answers views only; the log needs nothing else. */
    private static AgentService withView(AgentView view) {
        AgentService none = AgentService.unavailable();
        return (AgentService) java.lang.reflect.Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> method.getName().equals("view")
                        ? Optional.of(view) : method.invoke(none, args));
    }

    @Test
    void breaksAndCallsAreOneInfoLineEachWithTheAgentsExtension() {
        CallLink call = new CallLink("incoming", 42, Optional.empty(), "5551234", "SIP/trunk-0001", "1700000000.1",
                "8001", "SIP/trunk", T0, T0);
        AgentActivityLog activity = new AgentActivityLog(withView(ONLINE));
        try (LogCapture log = new LogCapture(AgentActivityLog.class)) {
            activity.onEvent(new AgentEvent.PauseStart("Agent/9000", "break", 2, "Lunch", T0));
            activity.onEvent(new AgentEvent.PauseEnd("Agent/9000", "break", 2, "Lunch", T0,
                    T0.plus(Duration.ofMinutes(30)), 1800));
            activity.onEvent(new AgentEvent.PauseStart("Agent/9000", "hold", null, null, T0));
            activity.onEvent(new AgentEvent.AgentLinked("Agent/9000", call, 7));
            activity.onEvent(new AgentEvent.AgentUnlinked("Agent/9000", call, T0.plusSeconds(3), 3, true, 8));
            assertEquals(List.of(
                    "INFO agent Agent/9000 on extension 1001 started break 'Lunch' (2)",
                    "INFO agent Agent/9000 on extension 1001 ended break 'Lunch' (2) after 1800 s",
                    "INFO agent Agent/9000 linked to incoming call 42 from/to 5551234 (1700000000.1)",
                    "INFO agent Agent/9000 unlinked from incoming call 42 from/to 5551234 after 3 s (short call)"),
                    log.visible());
            assertEquals("DEBUG agent Agent/9000 on extension 1001 put the call on hold", log.lines().get(2));
        }
    }
}
