package org.dialerd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The listener's pipeline driven through {@link EmbeddedChannel}: exact bytes in and out, no sockets. */
class HttpPipelineTest {
    private final List<Runnable> tasks = new ArrayList<>();
    /** The worker pool under test control: handlers run when the test says. */
    private final Executor workers = tasks::add;

    private final Router router = Router.builder()
            .get("/health", request -> Response.json(200, "{\"status\":\"up\"}"))
            .get("/echo/{name}", request -> Response.text(200, "text/plain; charset=utf-8",
                    request.pathParam("name").orElseThrow() + " " + request.query().get("q")))
            .get("/boom", request -> {
                throw new IllegalStateException("bug");
            })
            .build();

    private EmbeddedChannel channel(Executor executor) {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpPipeline.configure(channel.pipeline(), HttpSettings.on(0), router, executor);
        return channel;
    }

    /** Runs queued handlers and event-loop tasks until nothing is left; returns what was written. */
    private String drain(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        while (true) {
            channel.runPendingTasks();
            ByteBuf written;
            while ((written = channel.readOutbound()) != null) {
                out.append(written.toString(StandardCharsets.UTF_8));
                written.release();
            }
            if (tasks.isEmpty()) {
                return out.toString();
            }
            tasks.remove(0).run();
        }
    }

    private String exchange(EmbeddedChannel channel, String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        return drain(channel);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    @Test
    void answersARoutedRequestFromAWorkerWithLengthAndNoCaching() {
        EmbeddedChannel channel = channel(workers);
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "content-type: application/json; charset=utf-8\r\n"
                + "content-length: 15\r\n"
                + "cache-control: no-store\r\n\r\n"
                + "{\"status\":\"up\"}", exchange(channel, get("/health")));
        assertTrue(channel.isOpen(), "HTTP/1.1 keeps the connection");
    }

    @Test
    void unknownPathIs404WithTheJsonErrorObject() {
        String answer = exchange(channel(workers), get("/nope"));
        assertTrue(answer.startsWith("HTTP/1.1 404 Not Found\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n{\"error\":{\"code\":404,\"message\":\"Not found\"}}"), answer);
    }

    @Test
    void wrongMethodIs405AndNamesTheAllowedOnes() {
        String answer = exchange(channel(workers), "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), answer);
        assertTrue(answer.contains("\r\nallow: GET\r\n"), answer);
        assertTrue(answer.endsWith("{\"error\":{\"code\":405,\"message\":\"Method not allowed\"}}"), answer);
    }

    @Test
    void headersOverTheLimitAre431AndTheConnectionCloses() {
        EmbeddedChannel channel = channel(workers);
        String answer = exchange(channel, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000)
                + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer);
        assertTrue(answer.contains("connection: close"), answer);
        assertFalse(channel.isOpen());
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        String answer = exchange(channel(workers), get("/" + "a".repeat(5000)));
        assertTrue(answer.startsWith("HTTP/1.1 414 Request-URI Too Long\r\n"), answer);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        int size = HttpSettings.DEFAULT_MAX_BODY_BYTES + 1;
        String answer = exchange(channel(workers), "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: " + size
                + "\r\n\r\n" + "x".repeat(size));
        assertTrue(answer.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), answer);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOneHandlerAtATime() {
        EmbeddedChannel channel = channel(workers);
        channel.writeInbound(Unpooled.copiedBuffer(get("/echo/one") + get("/echo/two?q=2") + get("/nope"),
                StandardCharsets.UTF_8));
        channel.runPendingTasks();
        assertEquals(1, tasks.size(), "the second handler waits for the first answer");
        String answers = drain(channel);
        int one = answers.indexOf("one null");
        int two = answers.indexOf("two [2]");
        int notFound = answers.indexOf("404 Not Found");
        assertTrue(one > 0 && two > one && notFound > two, answers);
    }

    @Test
    void aFailingHandlerIs500AndTheConnectionStays() {
        EmbeddedChannel channel = channel(workers);
        String answer = exchange(channel, get("/boom"));
        assertTrue(answer.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), answer);
        assertTrue(answer.endsWith("{\"error\":{\"code\":500,\"message\":\"Internal server error\"}}"), answer);
        assertTrue(exchange(channel, get("/health")).startsWith("HTTP/1.1 200 OK"));
    }

    @Test
    void connectionCloseIsHonoured() {
        EmbeddedChannel channel = channel(workers);
        String answer = exchange(channel, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.contains("connection: close"), answer);
        assertFalse(channel.isOpen());
    }

    @Test
    void aFullWorkerPoolIs503() {
        EmbeddedChannel channel = channel(task -> {
            throw new RejectedExecutionException("full");
        });
        String answer = exchange(channel, get("/health"));
        assertTrue(answer.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), answer);
    }
}
