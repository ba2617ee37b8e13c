package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private final List<String> sent = new ArrayList<>();
    private final SessionRegistry registry = new SessionRegistry(1 << 20, new EccpMetrics() {
        @Override
        public void eventSent(String event, int sessions) {
            sent.add(event + " x" + sessions);
        }
    });

    private static XmlElement event(String name) {
        return XmlElement.of("event", XmlElement.of(name, XmlElement.text("agent", "Agent/9000")));
    }

    private EccpSession session(String filter) {
        EccpSession session = new EccpSession("test");
        session.loggedIn("u", "c");
        if (filter != null) {
            session.filterByAgent(AgentNumber.parse(filter).orElseThrow());
        }
        return session;
    }

    @Test
    void countsEachEventByNameAndTheSessionsItWasWrittenTo() {
        EmbeddedChannel all = new EmbeddedChannel();
        EmbeddedChannel mine = new EmbeddedChannel();
        EmbeddedChannel other = new EmbeddedChannel();
        registry.update(session(null), all);
        registry.update(session("Agent/9000"), mine);
        registry.update(session("Agent/9001"), other);

        registry.publish("Agent/9000", event("agentloggedin"), false);
        registry.publish("Agent/9002", event("agentloggedout"), false);
        registry.publishToAll(event("callprogress"), true); // nobody enabled callprogress

        assertEquals(List.of("agentloggedin x2", "agentloggedout x1"), sent);
        assertEquals(2, all.outboundMessages().size());
        assertEquals(1, mine.outboundMessages().size());
        assertEquals(0, other.outboundMessages().size(), "the other agent's session got nothing");
    }

    @Test
    void anEventForAClientReachesThatAccountsSessionsWhateverTheirFilterAndNoOthers() {
        EmbeddedChannel supervisorUnfiltered = new EmbeddedChannel();
        EmbeddedChannel supervisorFiltered = new EmbeddedChannel();
        EmbeddedChannel agentConsole = new EmbeddedChannel();
        EccpSession filtered = new EccpSession("test");
        filtered.loggedIn("supervisor", "c");
        filtered.filterByAgent(AgentNumber.parse("Agent/9001").orElseThrow());
        EccpSession unfiltered = new EccpSession("test");
        unfiltered.loggedIn("supervisor", "c");
        registry.update(unfiltered, supervisorUnfiltered);
        registry.update(filtered, supervisorFiltered);
        registry.update(session("Agent/9000"), agentConsole);

        registry.publishToClient("supervisor", event("spystart"));

        assertEquals(List.of("spystart x2"), sent);
        assertEquals(1, supervisorUnfiltered.outboundMessages().size());
        assertEquals(1, supervisorFiltered.outboundMessages().size());
        assertEquals(0, agentConsole.outboundMessages().size(), "the agent's console is not told");
    }

    @Test
    void callProgressGoesToTheSessionsThatSwitchedItOnSinceTheyLoggedIn() {
        EmbeddedChannel wallboard = new EmbeddedChannel();
        EmbeddedChannel console = new EmbeddedChannel();
        EccpSession board = session(null);
        registry.update(board, wallboard);
        registry.update(session("Agent/9000"), console);

        board.callProgress(true);
        registry.publishToAll(event("callprogress"), true);
        board.callProgress(false);
        registry.publishToAll(event("callprogress"), true);

        assertEquals(List.of("callprogress x1"), sent);
        assertEquals(1, wallboard.outboundMessages().size());
        assertEquals(0, console.outboundMessages().size());
    }

    @Test
    void aSessionRefiledUnderAFilterKeepsItsCallProgressAndAClosedOneLosesIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        EccpSession board = session(null);
        board.callProgress(true);
        registry.update(board, channel);
        board.filterByAgent(AgentNumber.parse("Agent/9001").orElseThrow());
        registry.update(board, channel);
        registry.publishToAll(event("callprogress"), true);
        registry.remove(board);
        registry.publishToAll(event("callprogress"), true);
        board.callProgress(true); // after the close: must not file it again

        registry.publishToAll(event("callprogress"), true);
        assertEquals(List.of("callprogress x1"), sent);
    }
}
