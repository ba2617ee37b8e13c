package org.dialerd.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The HTTP listener of a whole dialerd (embedded MariaDB, simulated Asterisk over AMI, ECCP over
 * TCP) as a monitor sees it: /health up, then down when Asterisk goes away; /metrics in the
 * Prometheus text format, moving as ECCP requests are served, agents log in and calls come in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthAndMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + pbx.httpPort() + path);
    }

    /** One sample of /metrics; 0 when the series does not exist yet (a counter never incremented). */
    private static double metric(String series) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void awaitMetric(String series, double expected) {
        Awaits.until(series + " = " + expected, WAIT, () -> {
            try {
                return metric(series) == expected;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    @Order(1)
    void healthIsUpWhileAmiIsConnectedAndTheDatabaseAnswers() throws Exception {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("application/json; charset=utf-8", health.headers().firstValue("content-type").orElseThrow());
        String body = health.body();
        assertTrue(body.startsWith("{\"status\":\"up\",\"ami\":{\"connected\":true,\"since\":\""), body);
        assertTrue(body.contains("\"database\":{\"up\":true,"), body);
        assertTrue(body.matches(".*\"write_queue\":\\{\"depth\":\\d+,\"oldest_write_age_ms\":\\d+}}"), body);
    }

    @Test
    @Order(2)
    void metricsArePrometheusTextWithTheJvmBasics() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                metrics.headers().firstValue("content-type").orElseThrow());
        String body = metrics.body();
        assertTrue(body.contains("# TYPE dialerd_agents gauge"), body);
        assertTrue(body.contains("\njvm_memory_used_bytes{"), "JVM memory");
        assertTrue(body.contains("\nprocess_uptime_seconds "), "uptime");
        assertEquals(1, metric("dialerd_ami_connected"));
        assertEquals(1, metric("dialerd_database_up"));
        assertTrue(metric("dialerd_ami_events_received_total{type=\"QueueMemberAdded\"}") > 0,
                "the static members added at start reached dialerd as events");
    }

    @Test
    @Order(3)
    void requestCountersAndAgentGaugesMoveWithWhatEccpDoes() throws Exception {
        String statusOk = "dialerd_eccp_requests_total{request=\"getagentstatus\",result=\"success\"}";
        String online = "dialerd_agents{state=\"online\"}";
        double statusBefore = metric(statusOk);
        double onlineBefore = metric(online);
        double offlineBefore = metric("dialerd_agents{state=\"offline\"}");
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            assertEquals(1, metric("dialerd_eccp_sessions_logged_in"));
            eccp.getAgentStatus("SIP/1004");
            assertEquals(statusBefore + 1, metric(statusOk));
            assertTrue(metric("dialerd_eccp_request_duration_seconds_count{request=\"getagentstatus\"}") >= 1);

            AgentCredentials agent = new AgentCredentials("SIP/1004", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1004").text("status").orElseThrow());
            assertEquals(onlineBefore + 1, metric(online));
            assertEquals(offlineBefore - 1, metric("dialerd_agents{state=\"offline\"}"));
            assertTrue(metric("dialerd_eccp_requests_total{request=\"loginagent\",result=\"success\"}") >= 1);
            assertTrue(metric("dialerd_ami_action_duration_seconds_count{action=\"QueueAdd\"}") >= 1,
                    "loginagent's QueueAdd was timed");

            assertEquals("logged-out", eccp.logoutAgent(agent).text("status").orElseThrow());
            assertEquals(onlineBefore, metric(online));
        }
        awaitMetric("dialerd_eccp_sessions_open", 0);
    }

    @Test
    @Order(4)
    void anIncomingCallIsLiveWhileAnsweredAndCountedWhenItEnds() throws Exception {
        String talking = "dialerd_calls_live{call_type=\"incoming\",phase=\"talking\"}";
        String finished = "dialerd_calls_finished_total{call_type=\"incoming\",status=\"Success\"}";
        double finishedBefore = metric(finished);
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();
            eccp.onEvent(events::add);
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());

            pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(40));
            pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
            awaitMetric(talking, 1);
            awaitMetric("dialerd_agents{state=\"oncall\"}", 1);
            Awaits.until("agentlinked reached the console", WAIT, () -> events.stream()
                    .anyMatch(e -> e.children().get(0).name().equals("agentlinked")));
            assertTrue(metric("dialerd_eccp_events_sent_total{event=\"agentlinked\"}") >= 1);

            pbx.simulator().advance(Duration.ofSeconds(45)); // the caller hangs up
            awaitMetric(talking, 0);
            awaitMetric(finished, finishedBefore + 1);
            eccp.logoutAgent(agent);
        }
    }

    @Test
    @Order(5)
    void unknownPathsAndMethodsAnswerWithTheJsonErrorObject() throws Exception {
        HttpResponse<String> missing = get("/nope");
        assertEquals(404, missing.statusCode());
        assertEquals("{\"error\":{\"code\":404,\"message\":\"Not found\"}}", missing.body());
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/health"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("allow").orElseThrow());
    }

    @Test
    @Order(6)
    void healthIsDownWhileAsteriskIsAwayAndUpAgainWhenItIsBack() throws Exception {
        String upSince = get("/health").body().replaceAll(".*\"ami\":\\{[^}]*\"since\":\"([^\"]+)\".*", "$1");
        pbx.simulator().restart(Duration.ofSeconds(30)); // core restart now; the port refuses logins meanwhile
        awaitHealth(503);
        String body = get("/health").body();
        assertTrue(body.startsWith("{\"status\":\"down\",\"ami\":{\"connected\":false,"), body);
        assertTrue(body.contains("\"database\":{\"up\":true,"), "the database is still there: " + body);
        assertEquals(0, metric("dialerd_ami_connected"));

        pbx.simulator().advance(Duration.ofSeconds(40)); // the downtime passes and Asterisk boots
        awaitHealth(200);
        String back = get("/health").body();
        assertTrue(back.startsWith("{\"status\":\"up\",\"ami\":{\"connected\":true,"), back);
        assertTrue(!back.contains(upSince), "since is the new connection's: " + back + " vs " + upSince);
    }

    private static void awaitHealth(int status) {
        Awaits.until("/health answers " + status, Duration.ofSeconds(40), () -> {
            try {
                return get("/health").statusCode() == status;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
