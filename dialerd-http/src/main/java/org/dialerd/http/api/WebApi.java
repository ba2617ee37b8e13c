package org.dialerd.http.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api/v1}: every {@link ApiRoute}, each behind the same gate
 * (allowlist, then token), registered on the listener's router, plus the OpenAPI document that
 * describes exactly these routes.
 */
public final class WebApi {
    private static final Logger log = LoggerFactory.getLogger(WebApi.class);
    public static final String PREFIX = "/api/v1";

    private final EccpBridge eccp;
    private final Tokens tokens;
    private final Set<String> allowedClients;
    private final List<ApiRoute> routes;
    /** What the OpenAPI document describes, as {@code "GET /path"}. */
    private final java.util.Set<String> described = new java.util.TreeSet<>();

    /**
     * @param allowedClients the ECCP allowlist ({@code eccp.allowed_clients}); empty admits everyone
     * @param agentNumbers   the agents dialerd tracks, for {@code GET /api/v1/agents}
     */
    public WebApi(EccpBridge eccp, Tokens tokens, Set<String> allowedClients,
                  java.util.function.Supplier<List<String>> agentNumbers, List<ApiRoute> more) {
        this.eccp = eccp;
        this.tokens = tokens;
        this.allowedClients = Set.copyOf(allowedClients);
        List<ApiRoute> all = new ArrayList<>(TokenEndpoints.routes(tokens));
        all.add(EccpEndpoint.route());
        all.addAll(AgentEndpoints.routes(agentNumbers));
        all.addAll(CallEndpoints.routes());
        all.addAll(SupervisorEndpoints.routes());
        all.add(ClickToCallEndpoint.route());
        all.addAll(CampaignEndpoints.routes());
        all.addAll(PreviewEndpoints.routes());
        all.addAll(more);
        this.routes = List.copyOf(all);
    }

    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * Registers every route and {@code GET /api/v1/openapi.json}; {@code others} are the
     * listener's routes outside the API (health, metrics, the event socket), described too.
     */
    public Router.Builder register(Router.Builder router, List<OpenApi.Operation> others) {
        for (ApiRoute route : routes) {
            router.route(route.method(), route.path(), request -> gate(route, request));
        }
        described.clear();
        routes.forEach(route -> described.add(route.method() + " " + route.path()));
        others.forEach(other -> described.add(other.method() + " " + other.path()));
        described.add("GET " + PREFIX + "/openapi.json");
        String document = OpenApi.document(routes, others);
        return router.get(PREFIX + "/openapi.json", request -> admitted(request)
                .orElseGet(() -> Response.json(200, document)));
    }

    /**
     * Fails (at start) unless the document describes exactly the routes {@code router} serves:
     * a route registered without a description, or described and not registered, is a bug.
     */
    public void checkDescribed(Router router) {
        java.util.Set<String> served = new java.util.TreeSet<>(router.routes());
        if (!served.equals(described)) {
            java.util.Set<String> undescribed = new java.util.TreeSet<>(served);
            undescribed.removeAll(described);
            java.util.Set<String> missing = new java.util.TreeSet<>(described);
            missing.removeAll(served);
            throw new IllegalStateException("OpenAPI document and routes differ: not described " + undescribed
                    + ", not served " + missing);
        }
    }

    /** The allowlist's refusal, if the client is not on it (ECCP answers the same code and message). */
    public Optional<Response> refused(String clientAddress) {
        if (allowedClients.isEmpty() || allowedClients.contains(clientAddress)) {
            return Optional.empty();
        }
        log.warn("HTTP API client {} is not in eccp.allowed_clients; refused", clientAddress);
        return Optional.of(ApiResponses.failure(401, "Connection refused"));
    }

    private Optional<Response> admitted(Request request) {
        return refused(request.clientAddress());
    }

    private Response gate(ApiRoute route, Request request) {
        Optional<Response> refused = admitted(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            EccpSession session = route.access() == ApiRoute.Access.OPEN ? anonymous(request) : session(request);
            return route.handler().handle(new ApiCall(request, session, eccp));
        } catch (ApiFailure failure) {
            Response answer = failure.response();
            return failure.code() == 401 && route.access() != ApiRoute.Access.OPEN
                    && request.header("authorization").isEmpty()
                    ? answer.withHeader("WWW-Authenticate", "Bearer") : answer;
        }
    }

    /** The session of the request's bearer token. */
    EccpSession session(Request request) throws ApiFailure {
        String token = bearer(request).orElseThrow(() -> new ApiFailure(401, "Unauthorized"));
        Tokens.Lookup found = tokens.find(token);
        if (found instanceof Tokens.Lookup.Valid valid) {
            return valid.token().session();
        }
        throw new ApiFailure(401, found instanceof Tokens.Lookup.Expired ? "Token expired" : "Unauthorized");
    }

    /** What {@code token} is now: valid, expired, or unknown (never issued, revoked, forgotten). */
    Tokens.Lookup lookup(String token) {
        return tokens.find(token);
    }

    /** The token of {@code Authorization: Bearer …}, or of the {@code token} query parameter (WebSocket). */
    static Optional<String> bearer(Request request) {
        Optional<String> header = request.header("authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        return header.isPresent() ? header : request.queryParam("token");
    }

    static EccpSession anonymous(Request request) {
        return new EccpSession(request.remote() + " (HTTP)", request.clientAddress());
    }
}
