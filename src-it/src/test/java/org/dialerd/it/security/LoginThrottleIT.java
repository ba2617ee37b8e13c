package org.dialerd.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.it.ReplayServer;
import org.dialerd.it.eccp.RawConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed-login throttling over TCP with the default settings (5 failures, 30 s first lockout). */
class LoginThrottleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DECLARATION = "<?xml version=\"1.0\"?>\n";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private ReplayServer server;

    @BeforeEach
    void start() {
        server = ReplayServer.start(clock, EccpServerSettings.defaults().withPort(0), "sql/demo-data.sql");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String login(int id, String password) {
        return "<request id=\"" + id + "\"><login><username>agentconsole</username><password>" + password
                + "</password></login></request>\n";
    }

    /** Sends one request and returns its answer. */
    private static String ask(RawConnection connection, String request, int answersSoFar) throws IOException {
        connection.send(request);
        String all = connection.awaitCount("</response>", answersSoFar + 1, WAIT);
        int start = all.lastIndexOf(DECLARATION);
        return all.substring(start);
    }

    @Test
    void fiveFailedLoginsLockTheAddressOutEvenForTheRightPassword() throws IOException {
        try (RawConnection attacker = new RawConnection(server.port())) {
            for (int i = 1; i <= 5; i++) {
                assertTrue(ask(attacker, login(i, "guess" + i), i - 1).contains("<code>401</code>"));
            }
            assertEquals(DECLARATION + "<response id=\"6\"><login_response><failure><code>429</code>"
                    + "<message>Too many failed logins, retry in 30 s</message></failure></login_response>"
                    + "</response>\n", ask(attacker, login(6, "agentconsole"), 5));
            // The connection stays open, as after any failed login.
            assertTrue(ask(attacker, "<request id=\"7\"><getpauses/></request>", 6).contains("<code>401</code>"));
        }
        try (RawConnection sameAddress = new RawConnection(server.port());
             RawConnection otherAddress = new RawConnection("127.0.0.2", server.port())) {
            assertTrue(ask(sameAddress, login(1, "agentconsole"), 0).contains("<code>429</code>"));
            assertTrue(ask(otherAddress, login(1, "agentconsole"), 0).contains("<success/>"));
        }
    }

    @Test
    void afterTheLockoutTheRightPasswordLogsInAndResetsTheCount() throws IOException {
        try (RawConnection client = new RawConnection(server.port())) {
            for (int i = 1; i <= 5; i++) {
                ask(client, login(i, "guess" + i), i - 1);
            }
            clock.advance(Duration.ofSeconds(12));
            assertTrue(ask(client, login(6, "agentconsole"), 5).contains("retry in 18 s"));
            clock.advance(Duration.ofSeconds(18));
            assertTrue(ask(client, login(7, "agentconsole"), 6).contains("<success/>"));
            for (int i = 8; i <= 11; i++) {
                assertTrue(ask(client, login(i, "guess" + i), i - 1).contains("<code>401</code>"));
            }
            assertTrue(ask(client, login(12, "agentconsole"), 11).contains("<success/>"));
        }
    }

    @Test
    void aFailureRightAfterALockoutLocksTwiceAsLong() throws IOException {
        try (RawConnection client = new RawConnection(server.port())) {
            for (int i = 1; i <= 5; i++) {
                ask(client, login(i, "guess" + i), i - 1);
            }
            clock.advance(Duration.ofSeconds(30));
            assertTrue(ask(client, login(6, "guess6"), 5).contains("<code>401</code>"));
            assertTrue(ask(client, login(7, "agentconsole"), 6).contains("retry in 60 s"));
        }
    }
}
