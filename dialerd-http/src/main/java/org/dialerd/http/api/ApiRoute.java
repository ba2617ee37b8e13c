package org.dialerd.http.api;

import java.util.List;
import org.dialerd.http.Response;

/**
 * One endpoint of the API: what the router needs (method, path, handler) and what the OpenAPI
 * document says about it, kept together so the two cannot disagree.
 *
 * @param access  who may call it
 * @param errors  the failure codes it may answer besides the ones every authenticated endpoint has
 * @param example a request body, when it takes one (its members are the parameters)
 */
public record ApiRoute(String method, String path, String summary, Access access, List<Integer> errors,
                       String example, Handler handler) {

    /** Who may call an endpoint. */
    public enum Access {
        /** Anyone the allowlist admits (token creation, the API description). */
        OPEN,
        /** A valid bearer token. */
        CLIENT,
        /** A valid bearer token, and the agent's ECCP password ({@code X-Agent-Password}). */
        AGENT
    }

    /** Answers one call of the endpoint; refusals are thrown, the route answers them. */
    @FunctionalInterface
    public interface Handler {
        Response handle(ApiCall call) throws ApiFailure;
    }

    public ApiRoute {
        errors = List.copyOf(errors);
    }

    static ApiRoute get(String path, String summary, Access access, List<Integer> errors, Handler handler) {
        return new ApiRoute("GET", path, summary, access, errors, "", handler);
    }

    static ApiRoute post(String path, String summary, Access access, List<Integer> errors, String example,
                         Handler handler) {
        return new ApiRoute("POST", path, summary, access, errors, example, handler);
    }
}
