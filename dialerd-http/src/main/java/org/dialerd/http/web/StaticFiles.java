package org.dialerd.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.dialerd.http.HttpHandler;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;

/**
 * The browser consoles: files under {@code web/} on the class path (inside dialerd.jar), served
 * as they are, with no build step. {@code /console/} is the agent console, {@code /wallboard/}
 * the supervisor wallboard, {@code /web/} the modules both import.
 *
 * <pre>
 * GET /console            →  301, Location: /console/
 * GET /console/           →  web/console/index.html
 * GET /console/console.js →  web/console/console.js, text/javascript
 * GET /web/api.js         →  web/common/api.js
 * GET /console/../x       →  404 (a file name is one plain segment)
 * </pre>
 *
 * <p>Caching: the files change only with a new jar, so every answer carries an {@code ETag}
 * (hash of the bytes) and {@code Cache-Control: no-cache}: the browser keeps its copy and asks
 * once per load whether it is still current (304 without a body). An upgrade is therefore seen
 * at the next reload, never hidden behind a stale cache. Each file is read from the jar once.
 */
public final class StaticFiles {
    /** One path segment, no leading dot: nothing outside the folder can be named. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
    /** The console's pages may only load what dialerd itself serves (no CDN) and talk back to it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8");

    /** Every route {@link #addTo} registers, for the API description. */
    public static final List<String> PATHS = List.of("/console", "/console/", "/console/{file}", "/wallboard",
            "/wallboard/", "/wallboard/{file}", "/web/{file}");

    /** A file read from the class path, with its validator. */
    private record File(byte[] bytes, String contentType, String etag) {}

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    StaticFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root.endsWith("/") ? root : root + "/";
    }

    /** The consoles' routes, over the files packaged in this module. */
    public static Router.Builder addTo(Router.Builder router) {
        return new StaticFiles(StaticFiles.class.getClassLoader(), "web").register(router);
    }

    Router.Builder register(Router.Builder router) {
        for (String app : new String[] {"console", "wallboard"}) {
            router.get("/" + app, redirect("/" + app + "/"));
            router.get("/" + app + "/", request -> serve(request, app, "index.html"));
            router.get("/" + app + "/{file}", request -> serve(request, app, request.pathParam("file").orElse("")));
        }
        return router.get("/web/{file}", request -> serve(request, "common", request.pathParam("file").orElse("")));
    }

    private static HttpHandler redirect(String location) {
        return request -> Response.text(301, "text/plain; charset=utf-8", "Moved to " + location)
                .withHeader("Location", location);
    }

    Response serve(Request request, String folder, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Response.error(404, "Not found");
        }
        Optional<File> file = cache.computeIfAbsent(folder + "/" + name, this::load);
        if (file.isEmpty()) {
            return Response.error(404, "Not found");
        }
        File found = file.get();
        Response answer = request.header("If-None-Match").filter(found.etag()::equals).isPresent()
                ? new Response(304, found.contentType(), new byte[0], Map.of())
                : new Response(200, found.contentType(), found.bytes(), Map.of());
        answer = answer.withHeader("ETag", found.etag())
                .withHeader("Cache-Control", "no-cache")
                .withHeader("X-Content-Type-Options", "nosniff");
        return found.contentType().startsWith("text/html")
                ? answer.withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .withHeader("Referrer-Policy", "no-referrer")
                : answer;
    }

    private Optional<File> load(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1));
        if (type == null) {
            return Optional.empty(); // only the kinds of file a page needs are served
        }
        try (InputStream in = loader.getResourceAsStream(root + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + path + " from the class path", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
