package org.dialerd.http.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.core.agent.AgentView;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.http.Request;
import org.dialerd.http.SocketEndpoint;

/**
 * {@code /api/v1/events}: a WebSocket that receives every ECCP event as JSON. The upgrade needs
 * a valid token (header or {@code token} query parameter) from an allowed address; each socket
 * is a session of its own in the {@link SessionRegistry}, filtered by {@code agent=} or not.
 */
public final class EventSocket implements SocketEndpoint {
    public static final String PATH = WebApi.PREFIX + "/events";
    /** How often an open socket checks its token: it closes within this much of the expiry. */
    static final java.time.Duration TOKEN_CHECK = java.time.Duration.ofSeconds(1);
    /**
     * The close code of a socket whose token expired or was revoked: in the range RFC 6455 leaves
     * to applications, 4000 + the HTTP status the same token gets on a request.
     */
    public static final int CLOSE_TOKEN = 4401;

    private final WebApi api;
    private final SessionRegistry sessions;
    private final Supplier<List<AgentView>> agents;
    private final Consumer<Runnable> inEventOrder;
    private final Clock clock;

    /**
     * @param agents       the engine's agent views, for snapshots
     * @param inEventOrder runs a task after the events published so far (snapshots go there, so
     *                     an event sent before a snapshot is never newer than it)
     */
    public EventSocket(WebApi api, SessionRegistry sessions, Supplier<List<AgentView>> agents,
                       Consumer<Runnable> inEventOrder, Clock clock) {
        this.api = api;
        this.sessions = sessions;
        this.agents = agents;
        this.inEventOrder = inEventOrder;
        this.clock = clock;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Admission admit(Request request) {
        Optional<org.dialerd.http.Response> refused = api.refused(request.clientAddress());
        if (refused.isPresent()) {
            return new Admission.Refuse(refused.get());
        }
        EccpSession account;
        try {
            account = api.session(request);
        } catch (ApiFailure failure) {
            return new Admission.Refuse(failure.response());
        }
        Optional<String> agent = request.queryParam("agent").filter(a -> !a.equals("any"));
        Optional<AgentNumber> filter = agent.flatMap(AgentNumber::parse);
        if (agent.isPresent() && filter.isEmpty()) {
            return new Admission.Refuse(ApiResponses.failure(417, "Invalid agent number"));
        }
        EccpSession session = new EccpSession(request.remote() + " (WebSocket)", request.clientAddress());
        session.loggedIn(account.username().orElse(""), account.appCookie().orElse(""));
        filter.ifPresent(session::filterByAgent);
        String token = WebApi.bearer(request).orElse("");
        java.time.Instant expiresAt = api.lookup(token) instanceof Tokens.Lookup.Valid valid
                ? valid.token().expiresAt() : clock.instant();
        return new Admission.Accept(new EventSocketHandler(session, sessions, this, token, expiresAt));
    }

    /**
     * Why a socket opened with {@code token} must close now (its token expired or was revoked),
     * or empty while the token is valid. Checked every {@link #TOKEN_CHECK} by each socket. The
     * expiry is the socket's own copy: an expired token is forgotten by the first lookup.
     */
    Optional<String> closeReason(String token, java.time.Instant expiresAt) {
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.of("Token expired");
        }
        return api.lookup(token) instanceof Tokens.Lookup.Valid ? Optional.empty() : Optional.of("Unauthorized");
    }

    /** The snapshot message, built after the events published so far. */
    void snapshot(Consumer<byte[]> send) {
        inEventOrder.accept(() -> send.accept(JsonEvents.bytes(Snapshot.of(agents.get(), clock.instant()))));
    }
}
