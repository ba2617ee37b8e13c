package org.dialerd.http.api;

import java.util.Optional;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Sends a request built from JSON through the ECCP {@link Dispatcher}, the one that answers ECCP
 * sessions, and splits its answer into a body or a failure. The HTTP face has no rule of its
 * own: access, Asterisk and database checks, handler failures are all ECCP's.
 */
public final class EccpBridge {
    /** The request id of HTTP requests: ECCP echoes it, nobody reads it. */
    private static final String REQUEST_ID = "http";

    private final Dispatcher dispatcher;

    public EccpBridge(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The answer's {@code X_response} element, or the failure it carries. */
    public record Answer(XmlElement body, Optional<Failure> failure) {
        public boolean failed() {
            return failure.isPresent();
        }
    }

    public record Failure(int code, String message) {}

    /** Blocks (database, Asterisk) on the calling thread: an HTTP worker. */
    public Answer dispatch(EccpSession session, XmlElement request) {
        Dispatcher.Reply reply = dispatcher.dispatch(session, new EccpRequest(REQUEST_ID, request));
        XmlElement response = reply.packet();
        XmlElement body = response.children().isEmpty() ? XmlElement.empty("response") : response.children().get(0);
        Optional<XmlElement> failure = body.name().equals("failure") ? Optional.of(body) : body.child("failure");
        return new Answer(body, failure.map(f -> new Failure(
                f.childText("code").map(EccpBridge::code).orElse(500), f.childText("message").orElse(""))));
    }

    /** {@link #dispatch}, thrown as the API's failure when ECCP answered one. */
    Answer require(EccpSession session, XmlElement request) throws ApiFailure {
        Answer answer = dispatch(session, request);
        if (answer.failed()) {
            throw new ApiFailure(answer.failure().get().code(), answer.failure().get().message());
        }
        return answer;
    }

    /**
     * {@code request} with the {@code agent_hash} ECCP expects for this session's cookie and the
     * agent's password, added after its {@code agent_number} (the handler checks it).
     */
    static XmlElement withAgentHash(EccpSession session, XmlElement request, String agentNumber, String password) {
        String hash = Md5.agentHash(session.appCookie().orElse(""), agentNumber, password);
        XmlElement.Builder copy = XmlElement.builder(request.name());
        request.attributes().forEach(copy::attribute);
        for (XmlElement child : request.children()) {
            if (!child.name().equals("agent_hash")) {
                copy.add(child);
            }
        }
        return copy.add("agent_hash", hash).build();
    }

    private static int code(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 500;
        }
    }
}
