package org.dialerd.it.eccp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.it.ReplayServer;
import org.junit.jupiter.api.Test;

class AllowListIT {
    @Test
    void clientOutsideTheAllowListIsToldAndDisconnected() throws Exception {
        EccpServerSettings onlyElsewhere = new EccpServerSettings("127.0.0.1", 0, 1 << 20, Duration.ofMinutes(5),
                64, 1 << 20, Set.of("10.1.2.3"), 2);
        try (ReplayServer server = ReplayServer.start(Clock.systemUTC(), onlyElsewhere, "sql/demo-data.sql");
             RawConnection raw = new RawConnection(server.port())) {
            assertTrue(raw.awaitClosed(Duration.ofSeconds(20)));
            assertEquals("<?xml version=\"1.0\"?>\n<response><failure><code>401</code>"
                    + "<message>Connection refused</message></failure></response>\n", raw.received());
        }
    }
}
