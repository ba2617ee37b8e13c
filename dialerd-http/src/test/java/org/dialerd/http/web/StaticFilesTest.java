package org.dialerd.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
    private final Router router = new StaticFiles(getClass().getClassLoader(), "webtest")
            .register(Router.builder()).build();

    private Response get(String path, Map<String, String> headers) {
        Router.Match match = router.match("GET", path);
        if (!(match instanceof Router.Match.Found found)) {
            return Response.error(404, "Not found");
        }
        return found.handler().handle(new Request("GET", path, found.pathParams(), Map.of(), headers, "test"));
    }

    private Response get(String path) {
        return get(path, Map.of());
    }

    @Test
    void theFolderServesItsIndexPageAsHtmlWithAStrictContentSecurityPolicy() {
        Response page = get("/console/");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals("<!doctype html><title>t</title>\n", page.bodyText());
        assertEquals(StaticFiles.CONTENT_SECURITY_POLICY, page.headers().get("Content-Security-Policy"));
        assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
    }

    @Test
    void theFolderWithoutItsSlashRedirectsToIt() {
        Response redirect = get("/console");
        assertEquals(301, redirect.status());
        assertEquals("/console/", redirect.headers().get("Location"));
    }

    @Test
    void modulesAreJavascriptAndSharedFilesComeFromTheCommonFolder() {
        assertEquals("text/javascript; charset=utf-8", get("/console/app.js").contentType());
        Response css = get("/web/base.css");
        assertEquals("text/css; charset=utf-8", css.contentType());
        assertEquals("body{}\n", css.bodyText());
    }

    @Test
    void everyFileHasAnEtagAndIsRevalidatedSoAnUpgradeIsSeenAtTheNextReload() {
        Response first = get("/console/app.js");
        String etag = first.headers().get("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{24}\""), etag);
        assertEquals("no-cache", first.headers().get("Cache-Control"));
        Response again = get("/console/app.js", Map.of("if-none-match", etag));
        assertEquals(304, again.status());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().get("ETag"));
        assertEquals(200, get("/console/app.js", Map.of("if-none-match", "\"other\"")).status());
    }

    @Test
    void missingFilesUnknownKindsAndNamesThatLeaveTheFolderAre404() {
        for (String path : List.of("/console/missing.js", "/console/notes.txt", "/console/..%2Fcommon%2Fbase.css",
                "/console/.hidden.js", "/wallboard/", "/web/..")) {
            Response answer = get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("{\"error\":{\"code\":404,\"message\":\"Not found\"}}", answer.bodyText(), path);
        }
    }

    @Test
    void thePathsListedForTheApiDescriptionAreTheRegisteredOnes() {
        assertEquals(StaticFiles.PATHS, StaticFiles.addTo(Router.builder()).build().patterns());
    }

    @Test
    void thePackagedConsoleAndWallboardPagesExist() {
        Router packaged = StaticFiles.addTo(Router.builder()).build();
        for (String path : List.of("/console/", "/wallboard/")) {
            Router.Match.Found found = assertInstanceOf(Router.Match.Found.class, packaged.match("GET", path));
            Response page = found.handler().handle(new Request("GET", path, found.pathParams(), Map.of(), Map.of(),
                    "test"));
            assertEquals(200, page.status(), path);
            assertTrue(page.bodyText().contains("<main"), path);
        }
    }

    /**
     * Issue 10 item 6, checked on the files themselves (the CSP enforces it in the browser):
     * every page, module and style sheet dialerd ships refers only to dialerd (no scheme, no
     * {@code //host}: nothing from a CDN), and every file it loads (src, href, import, url())
     * is one the listener serves.
     */
    @Test
    void everyShippedFileLoadsOnlyFilesDialerdServesAndNothingFromAnotherSite() throws Exception {
        java.nio.file.Path web = java.nio.file.Path.of(getClass().getClassLoader().getResource("web").toURI());
        Router packaged = StaticFiles.addTo(Router.builder()).build();
        java.util.regex.Pattern html = java.util.regex.Pattern.compile("\\b(?:src|href)\\s*=\\s*[\"']([^\"']+)[\"']");
        java.util.regex.Pattern module = java.util.regex.Pattern.compile(
                "^\\s*(?:import|export)\\b[^;]*?\\bfrom\\s*'([^']+)'|\\bimport\\(\\s*'([^']+)'", java.util.regex.Pattern.MULTILINE);
        java.util.regex.Pattern css = java.util.regex.Pattern.compile("url\\(\\s*[\"']?([^\"')\\s]+)|@import\\s*[\"']([^\"']+)");
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(web)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 10, "the shipped web files: " + files);
        int references = 0;
        for (java.nio.file.Path file : files) {
            String text = java.nio.file.Files.readString(file);
            assertTrue(!java.util.regex.Pattern.compile("(?i)\\b(?:fetch|WebSocket|EventSource)\\(\\s*[\"'`](?:[a-z]+:)?//")
                    .matcher(text).find(), file + " connects to another site");
            String folder = web.relativize(file.getParent()).toString();
            String name = file.getFileName().toString();
            java.util.regex.Pattern reference = name.endsWith(".js") ? module : name.endsWith(".css") ? css : html;
            java.util.regex.Matcher m = reference.matcher(text);
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.startsWith("data:") || target.startsWith("#") || target.contains("${")) {
                    continue;
                }
                assertTrue(!target.matches("(?i)^(?:[a-z][a-z0-9+.-]*:|//).*"), file + " loads " + target
                        + " from another site");
                String path = target.startsWith("/") ? target
                        : "/" + (folder.equals("common") ? "web" : folder) + "/" + target.replaceFirst("^\\./", "");
                Router.Match match = packaged.match("GET", path);
                Router.Match.Found found = assertInstanceOf(Router.Match.Found.class, match, file + ": " + target);
                Response served = found.handler().handle(new Request("GET", path, found.pathParams(), Map.of(),
                        Map.of(), "test"));
                assertEquals(200, served.status(), file + " loads " + target + " (" + path + ")");
                references++;
            }
        }
        assertTrue(references >= 10, "references checked: " + references);
    }
}
