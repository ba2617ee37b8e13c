package org.dialerd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.dialerd.sim.trace.AmiTestClient;
import org.dialerd.sim.trace.Packet;
import org.junit.jupiter.api.Test;

/** {@link AsteriskSimulator#restart}: what a reconnecting AMI client sees, on the virtual clock. */
class RestartTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void clientsGetShutdownAndEofThenThePortOpensAfterTheDowntimeAndFullyBootedFollows() throws Exception {
        try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0)) {
            int port = sim.port();
            sim.withPbx(p -> p.queues().add("8001", "Local/1001@agents", "Agent 1001", "", 0, false, ""));
            try (AmiTestClient c = new AmiTestClient(port)) {
                login(c, "l1");
                c.send("Action", "DBPut", "ActionID", "put", "Family", "dialerd", "Key", "k", "Val", "v");
                c.until("put", WAIT);
                sim.restart(Duration.ofSeconds(2));
                List<Packet> tail = c.until("never", WAIT);
                assertEquals("Shutdown", tail.get(tail.size() - 1).get("Event"));
                assertEquals("True", tail.get(tail.size() - 1).get("Restart"));
            }
            assertFalse(sim.isListening());
            assertThrows(ConnectException.class, () -> new AmiTestClient(port).close());
            sim.advance(Duration.ofSeconds(2));
            assertTrue(sim.isListening());
            assertEquals(port, sim.port());
            try (AmiTestClient c = new AmiTestClient(port)) {
                List<Packet> login = login(c, "l2");
                assertTrue(login.stream().noneMatch(p -> "FullyBooted".equals(p.get("Event"))), "still booting");
                sim.advance(Restart.DEFAULT_BOOT_TIME);
                c.send("Action", "Ping", "ActionID", "ping");
                List<Packet> after = c.until("ping", WAIT);
                assertTrue(after.stream().anyMatch(p -> "FullyBooted".equals(p.get("Event"))), "booted: " + after);
            }
            assertEquals("v", sim.inPbx(p -> p.astdb().get("/dialerd/k")), "astdb survives");
            assertEquals(Integer.valueOf(0), sim.inPbx(p -> p.queues().inOrder().stream().mapToInt(q -> q.membersInOrder().size()).sum()),
                    "persistentmembers=no: members are gone");
        }
    }

    private static List<Packet> login(AmiTestClient c, String id) throws IOException, InterruptedException {
        c.send("Action", "Login", "ActionID", id, "Username", "dialerd", "Secret", "dialerd");
        return c.until(id, WAIT);
    }
}
