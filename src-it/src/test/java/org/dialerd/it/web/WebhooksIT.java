package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.http.webhook.Signature;
import org.dialerd.http.webhook.WebhookSettings;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Webhooks against receivers in the test (JDK HTTP servers): one answers 204 at once, one
 * fails its first attempts, and one address refuses connections. The first gets every signed
 * event without waiting for the others; the second gets the same events after retries spaced by
 * a growing backoff; the third is given up after the last attempt. Each failure shows in
 * /metrics, and the log says once that an endpoint fails (with the reason) and once that it
 * recovered.
 */
class WebhooksIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "s3cret-for-tests";
    private static final int FAILURES = 5;
    /** The flaky receiver's first attempts fail, the next one is accepted. */
    private static final int MAX_ATTEMPTS = FAILURES + 1;

    private static final List<Received> good = new CopyOnWriteArrayList<>();
    private static final List<Received> flaky = new CopyOnWriteArrayList<>();
    private static final AtomicInteger flakyAttempts = new AtomicInteger();
    private static HttpServer goodServer;
    private static HttpServer flakyServer;
    private static PbxHarness pbx;
    private static URI dead;
    private static final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private static final Logger endpointLog = (Logger) LoggerFactory.getLogger(
            "org.dialerd.http.webhook.WebhookEndpoint");

    /** One POST as the receiver saw it. */
    record Received(long atNanos, String event, String timestamp, String signature, byte[] body) {}

    @BeforeAll
    static void start() throws IOException {
        // Its INFO line (recovered) is what an administrator sees; the tests log WARN and up.
        endpointLog.setLevel(Level.INFO);
        log.start();
        endpointLog.addAppender(log);
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/hook"); // nobody listens there
        }
        goodServer = receiver(exchange -> {
            good.add(received(exchange));
            return 204;
        });
        flakyServer = receiver(exchange -> {
            Received received = received(exchange);
            flaky.add(received);
            return flakyAttempts.incrementAndGet() <= FAILURES ? 500 : 200;
        });
        WebhookSettings settings = new WebhookSettings(List.of(
                new WebhookSettings.Endpoint("good", url(goodServer), Set.of("agentloggedin", "agentloggedout"),
                        SECRET),
                new WebhookSettings.Endpoint("flaky", url(flakyServer), Set.of("agentloggedin"), SECRET),
                new WebhookSettings.Endpoint("dead", dead, Set.of("agentloggedin"), SECRET)),
                100, MAX_ATTEMPTS, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));
        pbx = PbxHarness.startWithWebhooks(settings, "sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
        goodServer.stop(0);
        flakyServer.stop(0);
        endpointLog.detachAppender(log);
        endpointLog.setLevel(null);
    }

    @Test
    void signedEventsReachTheReceiverAndAFailingOneIsRetriedWithBackoffWithoutDelayingIt() throws Exception {
        ApiClient api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
        assertEquals(200, api.agent("/api/v1/agents/SIP-1001/login", "{\"extension\":\"1001\"}", "demo").status());
        Awaits.until("agentloggedin at the good receiver", WAIT, () -> good.size() >= 1);
        Received first = good.get(0);
        assertEquals("agentloggedin", first.event());
        assertEquals(Signature.sign(SECRET, Long.parseLong(first.timestamp()), first.body()), first.signature());
        JsonNode body = ApiClient.JSON.readTree(first.body());
        assertEquals("agentloggedin", body.get("event").asText());
        assertEquals("SIP/1001", body.get("data").get("agent").asText());
        assertTrue(body.get("id").asLong() > 0);

        assertEquals(200, api.agent("/api/v1/agents/SIP-1001/logout", "", "demo").status());
        Awaits.until("agentloggedout at the good receiver", WAIT, () -> good.size() >= 2);
        assertEquals("agentloggedout", good.get(1).event());
        // Both reached the good receiver while the flaky one was still failing (its retries take 5 s).
        assertTrue(flaky.size() <= FAILURES, "the good receiver waited for the flaky one: " + flaky.size());

        Awaits.until("the flaky receiver accepted the event", WAIT, () -> flaky.size() == FAILURES + 1);
        for (Received attempt : flaky) {
            assertEquals("agentloggedin", attempt.event(), "only the subscribed type goes to flaky");
            assertEquals(new String(first.body()), new String(attempt.body()), "same event, same bytes");
        }
        long gap1 = flaky.get(1).atNanos() - flaky.get(0).atNanos();
        long gap3 = flaky.get(3).atNanos() - flaky.get(2).atNanos();
        assertTrue(gap1 >= Duration.ofMillis(180).toNanos(), "first retry after ~200 ms, was " + gap1 / 1_000_000);
        assertTrue(gap3 >= Duration.ofMillis(700).toNanos(), "third retry after ~800 ms, was " + gap3 / 1_000_000);

        String metrics = new ApiClient(pbx.httpPort()).text("/metrics");
        assertTrue(metrics.contains("dialerd_webhook_deliveries_total{endpoint=\"flaky\",result=\"retried\"} 5.0"),
                metrics);
        assertTrue(metrics.contains("dialerd_webhook_deliveries_total{endpoint=\"flaky\",result=\"delivered\"} 1.0"));
        assertTrue(metrics.contains("dialerd_webhook_up{endpoint=\"flaky\"} 1.0"), metrics);
        Awaits.until("good receiver counted", WAIT, () -> new ApiClient(pbx.httpPort()).text("/metrics")
                .contains("dialerd_webhook_deliveries_total{endpoint=\"good\",result=\"delivered\"} 2.0"));

        // The dead address: every attempt refused, then given up (its backoff took as long as flaky's).
        Awaits.until("the dead endpoint given up", WAIT, () -> new ApiClient(pbx.httpPort()).text("/metrics")
                .contains("dialerd_webhook_deliveries_total{endpoint=\"dead\",result=\"gave_up\"} 1.0"));
        String after = new ApiClient(pbx.httpPort()).text("/metrics");
        assertTrue(after.contains("dialerd_webhook_deliveries_total{endpoint=\"dead\",result=\"retried\"} "
                + (MAX_ATTEMPTS - 1) + ".0"), after);
        assertTrue(after.contains("dialerd_webhook_deliveries_total{endpoint=\"dead\",result=\"delivered\"} 0.0"),
                after);
        assertTrue(after.contains("dialerd_webhook_up{endpoint=\"dead\"} 0.0"), after);
        assertTrue(after.contains("dialerd_webhook_queued{endpoint=\"dead\"} 0.0"), after);
        assertTrue(after.contains("dialerd_webhook_dropped_total{endpoint=\"dead\"} 0.0"), after);

        // The log: once when an endpoint starts failing, with the reason; once when it recovers.
        List<String> flakyLines = lines("webhook flaky ");
        assertEquals(List.of("WARN webhook flaky (" + url(flakyServer) + ") failing: HTTP 500; retrying with backoff"
                + " (logged again when it recovers)", "INFO webhook flaky (" + url(flakyServer) + ") delivers again"),
                flakyLines, "one line per change of state, not one per attempt");
        List<String> deadLines = lines("webhook dead ");
        assertEquals(1, deadLines.size(), deadLines.toString());
        assertTrue(deadLines.get(0).startsWith("WARN webhook dead (" + dead + ") failing: java.net.ConnectException"),
                "the failure itself, not its CompletionException: " + deadLines.get(0));
        assertTrue(lines("webhook good ").isEmpty(), "the good endpoint never failed");
    }

    /** "LEVEL message" of the endpoint log lines that start with {@code prefix}, in order. */
    private static List<String> lines(String prefix) {
        synchronized (log) {
            return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .filter(line -> line.substring(line.indexOf(' ') + 1).startsWith(prefix)).toList();
        }
    }

    private interface Answer {
        int status(HttpExchange exchange) throws IOException;
    }

    private static HttpServer receiver(Answer answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            int status = answer.status(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Received received(HttpExchange exchange) throws IOException {
        return new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("X-Dialerd-Event"),
                exchange.getRequestHeaders().getFirst(Signature.TIMESTAMP_HEADER),
                exchange.getRequestHeaders().getFirst(Signature.HEADER), exchange.getRequestBody().readAllBytes());
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }
}
