package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class SessionHandlersTest {
    private final Dispatcher dispatcher = new Dispatcher(Handlers.all(), FakeServices.create(() -> false));
    private final EccpSession session = new EccpSession("test");

    private String send(XmlElement request) {
        return dispatcher.dispatch(session, new EccpRequest("1", request)).packet().toString();
    }

    private static XmlElement login(String user, String password) {
        return XmlElement.builder("login").add("username", user).add("password", password).build();
    }

    @Test
    void logsInWithTheMd5OfThePassword() {
        String answer = send(login("agentconsole", "7e53aa92f7566f44f39f3f1842832581"));
        assertEquals("<response id=\"1\"><login_response><success/><app_cookie>0123456789abcdef0123456789abcdef"
                + "</app_cookie></login_response></response>", answer);
        assertTrue(session.isLoggedIn());
        assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), session.appCookie());
    }

    @Test
    void logsInWithThePlainPassword() {
        assertTrue(send(login("agentconsole", "agentconsole")).contains("<success/>"));
    }

    @Test
    void refusesAWrongPasswordInsideLoginResponse() {
        assertEquals("<response id=\"1\"><login_response><failure><code>401</code>"
                + "<message>Invalid username or password</message></failure></login_response></response>",
                send(login("agentconsole", "wrong")));
        assertFalse(session.isLoggedIn());
    }

    @Test
    void refusesAnUnknownUserLikeAWrongPassword() {
        assertTrue(send(login("nobody", "agentconsole")).contains("Invalid username or password"));
    }

    @Test
    void missingPasswordIsATopLevelBadRequest() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure>"
                + "</response>", send(XmlElement.builder("login").add("username", "agentconsole").build()));
    }

    @Test
    void filterByAgentAcceptsAnyWordSlashWordAndAny() {
        session.loggedIn("agentconsole", "c");
        send(XmlElement.builder("filterbyagent").add("agent_number", "Agent/9999").build());
        assertEquals(AgentNumber.parse("Agent/9999"), session.agentFilter());
        send(XmlElement.builder("filterbyagent").add("agent_number", "any").build());
        assertEquals(Optional.empty(), session.agentFilter());
    }

    @Test
    void filterByAgentRefusesABadFormatAndKeepsTheFilter() {
        session.loggedIn("agentconsole", "c");
        send(XmlElement.builder("filterbyagent").add("agent_number", "Agent/9000").build());
        assertEquals("<response id=\"1\"><filterbyagent_response><failure><code>417</code>"
                + "<message>Invalid agent number</message></failure></filterbyagent_response></response>",
                send(XmlElement.builder("filterbyagent").add("agent_number", "9000").build()));
        assertEquals(AgentNumber.parse("Agent/9000"), session.agentFilter());
    }

    @Test
    void callProgressTreatsMissingOrNonNumericEnableAsOff() {
        session.loggedIn("agentconsole", "c");
        send(XmlElement.builder("callprogress").add("enable", "1").build());
        assertTrue(session.wantsCallProgress());
        send(XmlElement.empty("callprogress"));
        assertFalse(session.wantsCallProgress());
        send(XmlElement.builder("callprogress").add("enable", "1").build());
        send(XmlElement.builder("callprogress").add("enable", "yes").build());
        assertFalse(session.wantsCallProgress());
    }
}
