package org.dialerd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.dialerd.sim.trace.AmiTestClient;
import org.dialerd.sim.trace.Packet;
import org.junit.jupiter.api.Test;

/** Session rules over real TCP: banner, MD5 login, authentication gate, event mask, Logoff. */
class AmiSessionBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void greetsWithTheAsterisk22BannerAndLogsInWithMd5Challenge() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = new AmiTestClient(sim.port())) {
            assertEquals("Asterisk Call Manager/11.0.0", c.next(WAIT).get("Banner"));
            c.send("Action", "Challenge", "ActionID", "c1", "AuthType", "MD5");
            List<Packet> ch = c.until("c1", WAIT);
            String challenge = ch.get(ch.size() - 1).get("Challenge");
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((challenge + "dialerd").getBytes(StandardCharsets.UTF_8)));
            c.send("Action", "Login", "ActionID", "l1", "AuthType", "MD5", "Username", "dialerd", "Key", key);
            List<Packet> login = c.until("l1", WAIT);
            assertEquals("Authentication accepted", login.get(login.size() - 1).get("Message"));
            assertEquals("FullyBooted", c.next(WAIT).get("Event"));
            assertEquals("SuccessfulAuth", c.next(WAIT).get("Event"));
        }
    }

    @Test
    void refusesActionsBeforeLoginAndWrongSecrets() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.next(WAIT);
            c.send("Action", "Ping", "ActionID", "p1");
            assertEquals("Authentication Required", last(c.until("p1", WAIT)).get("Message"));
            c.send("Action", "Login", "ActionID", "l1", "Username", "dialerd", "Secret", "wrong");
            assertEquals("Authentication failed", last(c.until("l1", WAIT)).get("Message"));
        }
    }

    @Test
    void eventMaskOffSilencesBroadcastsButNotResponses() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.next(WAIT);
            c.send("Action", "Login", "ActionID", "l1", "Username", "dialerd", "Secret", "dialerd", "Events", "off");
            c.until("l1", WAIT);
            c.send("Action", "QueueAdd", "ActionID", "q1", "Queue", "8000", "Interface", "Local/1001@agents");
            c.send("Action", "Ping", "ActionID", "p1");
            List<Packet> got = c.until("p1", WAIT);
            assertTrue(got.stream().noneMatch(p -> "QueueMemberAdded".equals(p.get("Event"))), got.toString());
            assertTrue(got.stream().anyMatch(p -> "q1".equals(p.get("ActionID"))));
        }
    }

    @Test
    void logoffSaysGoodbyeAndClosesTheConnection() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0);
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.next(WAIT);
            c.send("Action", "Logoff", "ActionID", "bye");
            assertEquals("Goodbye", last(c.until("bye", WAIT)).get("Response"));
            Packet eof = c.next(WAIT);
            assertTrue(eof != null && AmiTestClient.isEof(eof), "expected end of stream, got " + eof);
        }
    }

    private static Packet last(List<Packet> l) {
        return l.get(l.size() - 1);
    }
}
