package org.dialerd.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Path → handler, per method; immutable once built, so the event loop reads it without locks.
 * A path is literal segments and {@code {name}} placeholders ({@code /api/v1/agents/{agent}});
 * where two routes match, the one whose first placeholder comes later wins, so
 * {@code /agents/me} beats {@code /agents/{agent}}. The query string is not part of the match.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .get("/health", health)
 *         .get("/metrics", metrics)
 *         .build();
 * }</pre>
 */
public final class Router {

    /** What a request's method and path lead to. */
    public sealed interface Match {
        /** A handler, with the values of the route's placeholders. */
        record Found(HttpHandler handler, Map<String, String> pathParams) implements Match {}

        /** The path exists, not for this method: answer 405 with {@code Allow}. */
        record MethodNotAllowed(Set<String> allowed) implements Match {}

        record NotFound() implements Match {}
    }

    private record Route(String pattern, List<String> segments, Map<String, HttpHandler> byMethod) {
        boolean isPlaceholder(int index) {
            String segment = segments.get(index);
            return segment.startsWith("{") && segment.endsWith("}");
        }

        /** The placeholder values if {@code parts} fits this route. */
        Optional<Map<String, String>> bind(String[] parts) {
            if (parts.length != segments.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < parts.length; i++) {
                if (isPlaceholder(i)) {
                    String segment = segments.get(i);
                    params.put(segment.substring(1, segment.length() - 1), decode(parts[i]));
                } else if (!segments.get(i).equals(parts[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }

        /** Negative when this route is more specific (its first placeholder comes later). */
        int compareSpecificity(Route other) {
            return Integer.compare(other.firstPlaceholder(), firstPlaceholder());
        }

        private int firstPlaceholder() {
            for (int i = 0; i < segments.size(); i++) {
                if (isPlaceholder(i)) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }
    }

    private static final Match NOT_FOUND = new Match.NotFound();

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code rawPath}: as on the request line, percent-encoded, without the query string. */
    public Match match(String method, String rawPath) {
        String[] parts = split(rawPath);
        Route best = null;
        Map<String, String> bestParams = Map.of();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.bind(parts);
            if (params.isPresent() && (best == null || route.compareSpecificity(best) < 0)) {
                best = route;
                bestParams = params.get();
            }
        }
        if (best == null) {
            return NOT_FOUND;
        }
        HttpHandler handler = best.byMethod().get(method);
        if (handler == null) {
            return new Match.MethodNotAllowed(new TreeSet<>(best.byMethod().keySet()));
        }
        return new Match.Found(handler, Map.copyOf(bestParams));
    }

    /** Every registered method and path, {@code "GET /health"}: what the API description must list. */
    public List<String> routes() {
        List<String> all = new ArrayList<>();
        for (Route route : routes) {
            new TreeSet<>(route.byMethod().keySet()).forEach(method -> all.add(method + " " + route.pattern()));
        }
        return all;
    }

    /** The registered paths, for logs and a future API description. */
    public List<String> patterns() {
        return routes.stream().map(Route::pattern).toList();
    }

    private static String[] split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return new String[0];
        }
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }

    /** Percent-decoding of one path segment ('+' is a plus in a path, not a space). */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Collects routes; a method and pattern registered twice is a programming error. */
    public static final class Builder {
        private final Map<String, Map<String, HttpHandler>> byPattern = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder get(String pattern, HttpHandler handler) {
            return route("GET", pattern, handler);
        }

        public Builder post(String pattern, HttpHandler handler) {
            return route("POST", pattern, handler);
        }

        public Builder route(String method, String pattern, HttpHandler handler) {
            if (!pattern.startsWith("/") || pattern.contains("?") || pattern.contains("//")) {
                throw new IllegalArgumentException("route pattern must be an absolute path: '" + pattern + "'");
            }
            Map<String, HttpHandler> methods = byPattern.computeIfAbsent(pattern, p -> new LinkedHashMap<>());
            if (methods.putIfAbsent(method, handler) != null) {
                throw new IllegalArgumentException("route " + method + " " + pattern + " registered twice");
            }
            return this;
        }

        public Router build() {
            List<Route> routes = new ArrayList<>();
            byPattern.forEach((pattern, methods) -> routes.add(new Route(pattern, List.of(split(pattern)),
                    Map.copyOf(methods))));
            return new Router(routes);
        }
    }
}
