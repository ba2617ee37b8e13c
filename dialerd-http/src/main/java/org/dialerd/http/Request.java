package org.dialerd.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as handlers see it, without Netty types.
 *
 * @param path       the decoded path, without the query string
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query string parameters, each with its values in order
 * @param headers    header values by lower-case name (the first value of a repeated header)
 * @param remote     the client's address, for logs
 */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                      Map<String, String> headers, String remote) {
    public Request {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    /** The same request with the route's path parameters filled in. */
    Request withPathParams(Map<String, String> params) {
        return new Request(method, path, params, query, headers, remote);
    }
}
