package org.dialerd.it.eccp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up (eccp.warmup_requests) in memory and then over loopback, through a listener
 * of its own: every request reaches the handler as the warm-up's logged-in session, and nothing of
 * it is left once the real listener opens (no connection, no logged-in session for real clients).
 */
class StartupWarmupIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void warmsUpInMemoryThenOverLoopbackAndLeavesNothingBehindForRealClients() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        Dispatcher dispatcher = new Dispatcher(Map.of(RequestName.GETAGENTSTATUS, (context, request) -> {
            asked.add((context.session().remoteAddress().contains("127.0.0.1") ? "socket" : "memory")
                    + (context.session().isLoggedIn() ? "" : " anonymous"));
            return XmlElement.of("getagentstatus_response", XmlElement.text("status", "offline"));
        }), FakeServices.create(() -> true));
        EccpServerSettings settings = new EccpServerSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(30), 64,
                256 * 1024, Set.of("10.9.9.9"), 4).withWarmupRequests(400);

        try (EccpServer server = new EccpServer(settings, dispatcher, new SessionRegistry(256 * 1024)).start()) {
            assertEquals(400, asked.stream().filter("memory"::equals).count(), "in memory: " + summary(asked));
            assertEquals(200, asked.stream().filter("socket"::equals).count(),
                    "over loopback, half as many, though 127.0.0.1 is not an allowed client: " + summary(asked));
            assertEquals(600, asked.size(), "every one logged in: " + summary(asked));
            assertEquals(0, server.connections(), "the warm-up's connections are closed and were never counted");

            // A real client is still refused by the allowlist (10.9.9.9 only): the warm-up's rules were its own.
            try (RawConnection raw = new RawConnection(server.port())) {
                raw.send("<request id=\"1\"><getagentstatus><agent_number>Agent/9000</agent_number></getagentstatus>"
                        + "</request>");
                assertTrue(raw.awaitClosed(WAIT));
                assertTrue(raw.received().contains("<code>401</code>"), raw.received());
            }
        }
        assertEquals(600, asked.size(), "the refused client reached no handler");
    }

    private static String summary(List<String> asked) {
        return asked.stream().collect(java.util.stream.Collectors.groupingBy(s -> s,
                java.util.stream.Collectors.counting())).toString();
    }
}
