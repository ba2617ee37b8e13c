package org.dialerd.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as handlers see it, without Netty types.
 *
 * @param path          the decoded path, without the query string
 * @param pathParams    values of the route's {@code {name}} segments
 * @param query         query string parameters, each with its values in order
 * @param headers       header values by lower-case name (the first value of a repeated header)
 * @param remote        the client's address and port, for logs
 * @param clientAddress the client's IP address alone: what allowlists and login throttling see
 * @param body          the request body (empty without one)
 */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                      Map<String, String> headers, String remote, String clientAddress, byte[] body) {
    public Request {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** Without a body, from an address given as {@code remote} only. */
    public Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                   Map<String, String> headers, String remote) {
        this(method, path, pathParams, query, headers, remote, remote, new byte[0]);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same request with the route's path parameters filled in. */
    Request withPathParams(Map<String, String> params) {
        return new Request(method, path, params, query, headers, remote, clientAddress, body);
    }
}
