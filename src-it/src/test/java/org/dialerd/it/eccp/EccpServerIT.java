package org.dialerd.it.eccp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.it.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ECCP listener's rules over real TCP: ordering, pipelining, limits, isolation of bad clients. */
class EccpServerIT {
    private static final String LOGIN = "<request id=\"1\"><login><username>agentconsole</username>"
            + "<password>agentconsole</password></login></request>";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ReplayServer server;

    @BeforeAll
    static void start() {
        EccpServerSettings settings = new EccpServerSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(1), 16,
                256 * 1024, Set.of(), 4);
        server = ReplayServer.start(java.time.Clock.systemUTC(), settings, "sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestsWrittenRightAfterLoginInTheSameSegmentAreAuthorised() throws IOException {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(LOGIN + "<request id=\"2\"><getpauses/></request>");
            String answer = raw.awaitCount("</response>", 2, WAIT);
            assertTrue(answer.contains("<response id=\"2\"><getpauses_response><pause id="), answer);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrder() throws IOException {
        int count = 500;
        StringBuilder burst = new StringBuilder(LOGIN);
        for (int i = 2; i <= count; i++) {
            burst.append(i % 2 == 0 ? "<request id=\"" + i + "\"><getpauses/></request>"
                    : "<?xml version=\"1.0\"?>\n<request id=\"" + i + "\"><getincomingqueuelist/></request>\n");
        }
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(burst.toString());
            String answers = raw.awaitCount("</response>", count, WAIT);
            int from = 0;
            for (int i = 1; i <= count; i++) {
                int at = answers.indexOf("<response id=\"" + i + "\">", from);
                assertTrue(at >= from, "answer " + i + " in order");
                from = at;
            }
        }
    }

    @Test
    void packetLargerThanTheLimitGets400AndTheConnectionCloses() throws IOException {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send("<request id=\"1\"><getpauses>" + "x".repeat(5000) + "</getpauses></request>");
            assertTrue(raw.awaitClosed(WAIT));
            assertEquals("<?xml version=\"1.0\"?>\n<response><failure><code>400</code><message>Bad request"
                    + "</message></failure></response>\n", raw.received());
        }
    }

    @Test
    void idleConnectionIsClosedAfterTheTimeout() throws IOException {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(LOGIN);
            raw.awaitCount("</response>", 1, WAIT);
            assertTrue(raw.awaitClosed(WAIT), "closed after 1 s of silence");
        }
    }

    @Test
    void malformedPacketOnOneConnectionLeavesTheOthersServed() throws Exception {
        try (EccpClient good = EccpClient.connect("127.0.0.1", server.port());
             RawConnection bad = new RawConnection(server.port())) {
            good.login("agentconsole", "agentconsole");
            bad.send("<request id=\"1\"><getpauses></request>");
            assertTrue(bad.awaitClosed(WAIT));
            assertTrue(good.getPauses().isSuccess());
        }
    }

    @Test
    void clientThatStopsReadingDoesNotStallOthers() throws Exception {
        try (EccpClient good = EccpClient.connect("127.0.0.1", server.port());
             RawConnection stalled = new RawConnection(server.port())) {
            good.login("agentconsole", "agentconsole");
            stalled.send(LOGIN);
            String request = "<request id=\"9\"><getpauses/></request>";
            // Keep writing without reading: the server must stop reading this socket, not buffer without bound.
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        stalled.send(request);
                    }
                } catch (IOException e) {
                    // closed under us at the end of the test
                }
            });
            for (int i = 0; i < 20; i++) {
                assertTrue(good.getPauses().isSuccess());
            }
            stalled.close();
            flood.handle((v, e) -> null).get();
        }
    }

    @Test
    void logoutAnswersThenCloses() throws Exception {
        try (EccpClient client = EccpClient.connect("127.0.0.1", server.port())) {
            client.login("agentconsole", "agentconsole");
            assertTrue(client.logout().isSuccess());
            client.closed().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
