package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class DispatcherMetricsTest {
    private final List<String> answered = new ArrayList<>();
    private final List<Long> durations = new ArrayList<>();
    private final EccpMetrics metrics = new EccpMetrics() {
        @Override
        public void requestAnswered(String request, String result, long durationNanos) {
            answered.add(request + " " + result);
            durations.add(durationNanos);
        }
    };
    private final Services services = FakeServices.create(() -> true);
    private final EccpSession session = new EccpSession("test");

    private void dispatch(Map<RequestName, RequestHandler> handlers, String requestName) {
        new Dispatcher(handlers, services, ReadBarrier.NONE, metrics).dispatch(session, new EccpRequest("1",
                XmlElement.empty(requestName)));
    }

    @Test
    void countsEachAnswerByRequestNameAndResult() {
        dispatch(Handlers.all(), "getrequestlist");
        dispatch(Map.of(), "getpauses"); // before login: 401
        session.loggedIn("u", "c");
        dispatch(Map.of(RequestName.GETCALLINFO, (c, r) -> {
            throw EccpFailure.wrapped(404, "Call not found");
        }), "getcallinfo");
        dispatch(Map.of(RequestName.GETAGENTSTATUS, (c, r) -> Replies.wrappedFailure(RequestName.GETAGENTSTATUS,
                417, "Invalid agent number")), "getagentstatus");
        dispatch(Map.of(), "Bogus<script>");
        assertEquals(List.of("getrequestlist success", "getpauses 401", "getcallinfo 404", "getagentstatus 417",
                "unknown 501"), answered);
        assertTrue(durations.stream().allMatch(d -> d >= 0), durations.toString());
    }

    @Test
    void readsTheResultFromTheFailureElementWhereverTheReplyCarriesIt() {
        assertEquals("success", Dispatcher.result(Replies.response("1", Replies.success(RequestName.LOGOUT))));
        assertEquals("400", Dispatcher.result(Replies.badRequestWithoutId()));
        assertEquals("503", Dispatcher.result(Replies.response("1", Replies.wrappedFailure(RequestName.GETPAUSES,
                503, "Database unavailable"))));
        assertEquals("success", Dispatcher.result(XmlElement.empty("response")));
    }
}
