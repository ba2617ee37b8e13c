package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.store.StoreException;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private final AtomicBoolean amiUp = new AtomicBoolean(false);
    private final Services services = FakeServices.create(amiUp::get);
    private final EccpSession session = new EccpSession("test");

    private String dispatch(Map<RequestName, RequestHandler> handlers, String requestName) {
        Dispatcher dispatcher = new Dispatcher(handlers, services);
        return dispatcher.dispatch(session, new EccpRequest("7", XmlElement.empty(requestName))).packet().toString();
    }

    @Test
    void unknownRequestIsNotImplemented() {
        session.loggedIn("u", "c");
        assertEquals("<response id=\"7\"><failure><code>501</code><message>Not Implemented</message></failure>"
                + "</response>", dispatch(Map.of(), "nosuchrequest"));
    }

    @Test
    void requestNamesAreCaseSensitive() {
        session.loggedIn("u", "c");
        assertTrue(dispatch(Handlers.all(), "GetPauses").contains("<code>501</code>"));
    }

    @Test
    void refusesRequestsBeforeLogin() {
        assertEquals("<response id=\"7\"><failure><code>401</code><message>Unauthorized</message></failure>"
                + "</response>", dispatch(Map.of(RequestName.GETPAUSES, (c, r) -> r), "getpauses"));
    }

    @Test
    void answersGetRequestListWithoutLogin() {
        String answer = dispatch(Handlers.all(), "getrequestlist");
        assertTrue(answer.startsWith("<response id=\"7\"><getrequestlist_response><requests>"
                + "<request>getrequestlist</request><request>filterbyagent</request>"), answer);
    }

    @Test
    void requestNeedingAsteriskAnswers500WhileAmiIsDown() {
        session.loggedIn("u", "c");
        assertEquals("<response id=\"7\"><failure><code>500</code><message>No AMI connection</message></failure>"
                + "</response>", dispatch(Map.of(), "getagentstatus"));
    }

    @Test
    void requestWithoutHandlerIsNotImplementedWhenAmiIsUp() {
        session.loggedIn("u", "c");
        amiUp.set(true);
        assertTrue(dispatch(Map.of(), "getagentstatus").contains("<code>501</code>"));
    }

    @Test
    void wrapsHandlerFailuresInTheResponseElement() {
        session.loggedIn("u", "c");
        RequestHandler failing = (c, r) -> {
            throw EccpFailure.wrapped(404, "Call not found");
        };
        assertEquals("<response id=\"7\"><getcallinfo_response><failure><code>404</code>"
                + "<message>Call not found</message></failure></getcallinfo_response></response>",
                dispatch(Map.of(RequestName.GETCALLINFO, failing), "getcallinfo"));
    }

    @Test
    void topLevelFailuresStandAlone() {
        session.loggedIn("u", "c");
        RequestHandler failing = (c, r) -> {
            throw EccpFailure.badRequest("invalid status");
        };
        assertEquals("<response id=\"7\"><failure><code>400</code><message>Bad request - invalid status</message>"
                + "</failure></response>", dispatch(Map.of(RequestName.GETCAMPAIGNLIST, failing), "getcampaignlist"));
    }

    @Test
    void databaseOutageIs503() {
        session.loggedIn("u", "c");
        RequestHandler failing = (c, r) -> {
            throw new StoreException("down", new RuntimeException("connection refused"));
        };
        assertTrue(dispatch(Map.of(RequestName.GETPAUSES, failing), "getpauses")
                .contains("<code>503</code><message>Database unavailable</message>"));
    }

    @Test
    void unexpectedHandlerErrorIs500AndKeepsTheSession() {
        session.loggedIn("u", "c");
        RequestHandler failing = (c, r) -> {
            throw new IllegalStateException("bug");
        };
        Dispatcher dispatcher = new Dispatcher(Map.of(RequestName.GETPAUSES, failing), services);
        Dispatcher.Reply reply = dispatcher.dispatch(session, new EccpRequest("1", XmlElement.empty("getpauses")));
        assertTrue(reply.packet().toString().contains("<code>500</code>"));
        assertFalse(reply.close());
    }

    @Test
    void aRequestAnsweredFromMemoryWaitsForNoJournalWrite() {
        session.loggedIn("u", "c");
        AtomicBoolean waited = new AtomicBoolean();
        AtomicBoolean inMemory = new AtomicBoolean(true);
        RequestHandler pauses = (c, r) -> XmlElement.empty("getpauses_response");
        Dispatcher dispatcher = new Dispatcher(Map.of(RequestName.GETPAUSES, pauses), services,
                max -> waited.set(true), EccpMetrics.NONE, name -> name == RequestName.GETPAUSES && inMemory.get());
        EccpRequest getpauses = new EccpRequest("1", XmlElement.empty("getpauses"));

        dispatcher.dispatch(session, getpauses);
        assertFalse(waited.get());

        inMemory.set(false); // e.g. the break table waits for a reload after one of dialerd's writes
        dispatcher.dispatch(session, getpauses);
        assertTrue(waited.get());
    }

    @Test
    void logoutClosesAfterItsReply() {
        Dispatcher dispatcher = new Dispatcher(Handlers.all(), services);
        Dispatcher.Reply reply = dispatcher.dispatch(session, new EccpRequest("1", XmlElement.empty("logout")));
        assertEquals("<response id=\"1\"><logout_response><success/></logout_response></response>",
                reply.packet().toString());
        assertTrue(reply.close());
    }



}
