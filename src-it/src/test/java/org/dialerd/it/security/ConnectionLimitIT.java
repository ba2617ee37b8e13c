package org.dialerd.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.it.Awaits;
import org.dialerd.it.ReplayServer;
import org.dialerd.it.eccp.RawConnection;
import org.junit.jupiter.api.Test;

class ConnectionLimitIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void connectionsPastTheLimitAreToldAndClosedAndAFreedSlotIsReused() throws Exception {
        EccpServerSettings settings = EccpServerSettings.defaults().withPort(0).withMaxConnections(2);
        try (ReplayServer server = ReplayServer.start(Clock.systemUTC(), settings, "sql/demo-data.sql");
             EccpClient first = EccpClient.connect("127.0.0.1", server.port())) {
            first.login("agentconsole", "agentconsole");
            try (RawConnection second = new RawConnection(server.port())) {
                // Answered first, so the server has counted it: connections accepted at the same
                // moment are counted on different I/O threads, in no fixed order.
                second.send("<request id=\"1\"><getrequestlist/></request>");
                assertTrue(second.awaitCount("</response>", 1, WAIT).contains("<getrequestlist_response>"));
                try (RawConnection third = new RawConnection(server.port())) {
                    assertTrue(third.awaitClosed(WAIT));
                    assertEquals("<?xml version=\"1.0\"?>\n<response><failure><code>503</code>"
                            + "<message>Too many connections</message></failure></response>\n", third.received());
                }
                second.send("<request id=\"2\"><getrequestlist/></request>");
                assertTrue(second.awaitCount("</response>", 2, WAIT).contains("<response id=\"2\">"));
                assertTrue(first.getPauses().isSuccess());
            }
            // The two raw connections are closed: their slots free up (the close is seen asynchronously).
            Awaits.until("a slot is free again", WAIT, () -> {
                try (EccpClient again = EccpClient.connect("127.0.0.1", server.port())) {
                    again.login("agentconsole", "agentconsole");
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
    }
}
