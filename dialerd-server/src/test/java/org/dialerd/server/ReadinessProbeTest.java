package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.ReadinessProbe.Outcome;
import org.dialerd.server.config.ConfigException;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

    @Test
    void isReadyAtOnceWhenThePortAcceptsConnections() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Duration> pauses = new ArrayList<>();
            assertEquals(Outcome.READY, ReadinessProbe.await(
                    new InetSocketAddress("127.0.0.1", listener.getLocalPort()),
                    Duration.ofSeconds(5), Clock.systemUTC(), pauses::add, () -> true));
            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void givesUpWhenNothingListensWithinTheTimeout() throws Exception {
        int closedPort = freePort();
        ManualClock clock = new ManualClock();
        assertEquals(Outcome.TIMED_OUT, ReadinessProbe.await(new InetSocketAddress("127.0.0.1", closedPort),
                Duration.ofSeconds(2), clock, clock::advance, () -> true));
        // 250 ms between attempts: eight pauses reach the two-second deadline.
        assertEquals(Duration.ofSeconds(2), elapsed(clock));
    }

    @Test
    void waitsUntilTheListenerAppears() throws Exception {
        int port = freePort();
        ManualClock clock = new ManualClock();
        ServerSocket[] listener = new ServerSocket[1];
        try {
            assertEquals(Outcome.READY, ReadinessProbe.await(new InetSocketAddress("127.0.0.1", port),
                    Duration.ofSeconds(10), clock, duration -> {
                        clock.advance(duration);
                        if (listener[0] == null) {
                            listener[0] = listen(port);
                        }
                    }, () -> true));
            assertEquals(Duration.ofMillis(250), elapsed(clock));
        } finally {
            if (listener[0] != null) {
                listener[0].close();
            }
        }
    }

    @Test
    void stopsWaitingAtOnceWhenDialerdHasExited() throws Exception {
        ManualClock clock = new ManualClock();
        assertEquals(Outcome.SERVER_EXITED, ReadinessProbe.await(new InetSocketAddress("127.0.0.1", freePort()),
                Duration.ofSeconds(60), clock, clock::advance, () -> false));
        assertEquals(Duration.ZERO, elapsed(clock));
    }

    @Test
    void findsTheMainProcessSystemdNames() {
        assertEquals(ProcessHandle.current().pid(), ReadinessProbe.serverProcess(
                String.valueOf(ProcessHandle.current().pid())).orElseThrow().pid());
        assertTrue(ReadinessProbe.serverProcess(null).isEmpty(), "run by hand");
        assertTrue(ReadinessProbe.serverProcess("").isEmpty());
        assertTrue(ReadinessProbe.serverProcess("x").isEmpty());
    }

    @Test
    void connectsToLoopbackWhenDialerdListensOnEveryInterface() {
        assertEquals(new InetSocketAddress("127.0.0.1", 20005), ReadinessProbe.target(settings("0.0.0.0", 20005)));
        assertEquals(new InetSocketAddress("::1", 20005), ReadinessProbe.target(settings("::", 20005)));
        assertEquals(new InetSocketAddress("192.0.2.7", 20006), ReadinessProbe.target(settings("192.0.2.7", 20006)));
    }

    @Test
    void refusesToWaitForARandomPort() {
        assertEquals("eccp.port = '0': a random port cannot be waited for",
                assertThrows(ConfigException.class, () -> ReadinessProbe.target(settings("127.0.0.1", 0)))
                        .getMessage());
    }

    private static EccpServerSettings settings(String bindAddress, int port) {
        EccpServerSettings d = EccpServerSettings.defaults();
        return new EccpServerSettings(bindAddress, port, d.maxPacketBytes(), d.idleTimeout(),
                d.maxRequestsInFlight(), d.maxOutboundBytes(), Set.of(), d.workerThreads());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** How far the probe's pauses moved the clock. */
    private static Duration elapsed(ManualClock clock) {
        return Duration.between(ManualClock.DEFAULT_START, clock.instant());
    }

    private static ServerSocket listen(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
