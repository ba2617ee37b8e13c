package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** The wrap-up extension in getagentstatus, and endwrapup kept out of getrequestlist. */
class WrapupStatusTest {
    private static final Agent AGENT = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.empty());
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 10, 0, 4);

    @Test
    void agentInWrapupShowsPausedWithItsSpanAndSecondsLeft() {
        AgentView view = view(AgentStatus.PAUSED,
                Optional.of(new AgentView.Wrapup(NOW.minusSeconds(4), NOW.plusSeconds(6))));

        assertEquals("<status>paused</status><channel>Agent/9000</channel><extension>1001</extension>"
                + "<onhold>0</onhold><wrapup><wrapupstart>10:00:00</wrapupstart><wrapupend>10:00:10</wrapupend>"
                + "<secondsleft>6</secondsleft></wrapup>", render(view));
    }

    @Test
    void agentNotInWrapupKeepsTheReferenceElements() {
        assertEquals("<status>online</status><channel>Agent/9000</channel><extension>1001</extension>"
                + "<onhold>0</onhold>", render(view(AgentStatus.ONLINE, Optional.empty())));
    }

    @Test
    void getRequestListNamesOnlyTheReferenceRequests() {
        String list = SessionHandlers.getRequestList(null, null).toString();

        assertFalse(list.contains("endwrapup"));
        assertTrue(RequestName.ENDWRAPUP.isExtension());
        assertEquals(38, list.split("<request>", -1).length - 1);
    }

    private static AgentView view(AgentStatus status, Optional<AgentView.Wrapup> wrapup) {
        return AgentView.builder(AGENT, status).channel("Agent/9000").extension("1001").queues(List.of("8000"))
                .loginStart(NOW.minusHours(1)).wrapup(wrapup.orElse(null)).build();
    }

    private static String render(AgentView view) {
        StringBuilder out = new StringBuilder();
        for (XmlElement element : AgentHandlers.statusElements(Optional.of(view), NOW)) {
            out.append(element);
        }
        return out.toString();
    }
}
