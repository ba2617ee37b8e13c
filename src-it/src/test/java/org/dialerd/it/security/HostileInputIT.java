package org.dialerd.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.testing.HostileXml;
import org.dialerd.it.Awaits;
import org.dialerd.it.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input over real TCP against one dialerd, while a {@link Witness} session keeps being
 * served within a bound: seeded hostile documents (mutated, truncated, DTDs, entity bombs, external
 * entities, XInclude, deep nesting, oversized packets, binary garbage), thousands of idle
 * connections, a client that writes and never reads, and a flood of pipelined requests.
 * Attackers connect from 127.0.0.3 so that login throttling of their address never touches the
 * witness (127.0.0.1).
 *
 * <p>Replay a failure with {@code -Ddialerd.fuzz.seed=<seed in the message>}.
 */
class HostileInputIT {
    private static final long SEED = Long.getLong("dialerd.fuzz.seed", 20261122L);
    private static final Duration HOSTILE_BUDGET = Duration.ofSeconds(6);
    private static final Duration WITNESS_BOUND = Duration.ofSeconds(3);
    private static final int MAX_PACKET = 64 * 1024;
    private static final int MAX_OUTBOUND = 64 * 1024;
    private static final int MAX_IN_FLIGHT = 1024;
    private static final int IDLE_CONNECTIONS = 2_000;
    private static final String ATTACKER = "127.0.0.3";
    private static final String BAD_REQUEST = "<?xml version=\"1.0\"?>\n<response><failure><code>400</code>"
            + "<message>Bad request</message></failure></response>\n";
    /** Illegal anywhere in XML 1.0: after any sample it forces the fatal 400, so every exchange ends. */
    private static final byte[] PROBE = {0x01};
    private static final Pattern PACKET = Pattern.compile("<response( id=\"[^\"]*\")?>.*</response>\n",
            Pattern.DOTALL);

    private static ReplayServer server;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        EccpServerSettings settings = new EccpServerSettings("127.0.0.1", 0, MAX_PACKET, Duration.ofMinutes(5),
                MAX_IN_FLIGHT, MAX_OUTBOUND, Set.of(), 4);
        server = ReplayServer.start(Clock.systemUTC(), settings, "sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hostileDocumentsGetTheReferenceFailureAndNeverReachAFile() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int samples = 0;
        long heapBefore = usedHeapAfterGc();
        try (Canaries canaries = new Canaries(temp); Witness witness = Witness.start(server.port())) {
            List<HostileXml> generators = List.of(new HostileXml(random, canaries.fileUrl(), MAX_PACKET),
                    new HostileXml(random, canaries.pipeUrl(), MAX_PACKET),
                    new HostileXml(random, canaries.httpUrl(), MAX_PACKET));
            long deadline = System.nanoTime() + HOSTILE_BUDGET.toNanos();
            while (System.nanoTime() < deadline && failures.size() < 5) {
                HostileXml.Sample sample = generators.get(samples % 3).next();
                String problem = check(sample, exchange(sample.bytes()), canaries.token);
                if (problem != null) {
                    failures.add("seed " + SEED + ", sample " + samples + ", " + sample.kind() + ": " + problem
                            + "\n  sent: " + abbreviate(sample.text()));
                }
                samples++;
            }
            witness.assertServed(WITNESS_BOUND, 10);
            assertEquals(List.of(), canaries.touched(), "seed " + SEED);
        }
        assertEquals(List.of(), failures);
        assertTrue(samples >= 200, "only " + samples + " samples in " + HOSTILE_BUDGET);
        long growth = usedHeapAfterGc() - heapBefore;
        assertTrue(growth < 32L << 20, "heap grew by " + (growth >> 20) + " MiB over " + samples + " attacks");
        assertServerStillServesNewSessions();
    }

    @Test
    void thousandsOfIdleConnectionsLeaveTheWitnessServedAndCostLittleHeap() throws Exception {
        UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Each connection costs this JVM two descriptors: the client socket and the server's channel.
        long needed = os.getOpenFileDescriptorCount() + 2L * IDLE_CONNECTIONS + 256;
        assertTrue(os.getMaxFileDescriptorCount() >= needed, "this test needs " + needed + " file descriptors, the"
                + " limit is " + os.getMaxFileDescriptorCount() + ": raise it (ulimit -n 8192)");
        List<Socket> idle = new ArrayList<>();
        try (Witness witness = Witness.start(server.port())) {
            long heapBefore = usedHeapAfterGc();
            try {
                for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                    idle.add(attackerSocket());
                }
                int answersBefore = witness.answers();
                assertServerStillServesNewSessions();
                Awaits.until("witness answers while " + IDLE_CONNECTIONS + " connections are open",
                        Duration.ofSeconds(10), () -> witness.answers() > answersBefore + 2);
                long perConnection = (usedHeapAfterGc() - heapBefore) / IDLE_CONNECTIONS;
                assertTrue(perConnection < 32 * 1024, perConnection + " bytes of heap per idle connection");
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
            witness.assertServed(WITNESS_BOUND, 5);
        }
    }

    @Test
    void aClientThatWritesAndNeverReadsIsCutAtTheOutboundLimit() throws Exception {
        try (Witness witness = Witness.start(server.port()); Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.bind(new InetSocketAddress(InetAddress.getByName(ATTACKER), 0));
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            byte[] requests = "<request id=\"1\"><getrequestlist/></request>".repeat(200)
                    .getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                long written = 0;
                try {
                    OutputStream out = stalled.getOutputStream();
                    while (written < 1L << 30) {
                        out.write(requests);
                        written += requests.length;
                    }
                    return -written; // never cut: reported below
                } catch (IOException e) {
                    return written; // the server closed the connection under us
                }
            });
            long written;
            try {
                written = writer.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                stalled.close();
                throw new AssertionError("the server never closed a client that does not read");
            }
            assertTrue(written > 0, "1 GiB written and the connection was never cut");
            witness.assertServed(WITNESS_BOUND, 5);
        }
    }

    @Test
    void aFloodOfPipelinedRequestsIsAnsweredInFullAndInOrder() throws Exception {
        int count = 5_000;
        try (Witness witness = Witness.start(server.port()); Socket flood = attackerSocket()) {
            StringBuilder burst = new StringBuilder("<request id=\"0\"><login><username>agentconsole</username>"
                    + "<password>agentconsole</password></login></request>");
            for (int i = 1; i <= count; i++) {
                burst.append("<request id=\"").append(i).append("\"><getpauses/></request>");
            }
            byte[] bytes = burst.toString().getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    flood.getOutputStream().write(bytes);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String answers = readUntil(flood, "<response id=\"" + count + "\">", Duration.ofSeconds(60));
            writer.get(10, TimeUnit.SECONDS);
            int from = 0;
            for (int i = 0; i <= count; i += 499) {
                int at = answers.indexOf("<response id=\"" + i + "\">", from);
                assertTrue(at >= from, "answer " + i + " in order");
                from = at;
            }
            assertEquals(count + 1, answers.split("</response>", -1).length - 1);
            witness.assertServed(WITNESS_BOUND, 5);
        }
    }

    /** What the server must do with a sample followed by the probe; null when it did. */
    private static String check(HostileXml.Sample sample, Outcome outcome, String token) {
        String text = outcome.received();
        if (text.contains(token)) {
            return "the canary file's content was sent back: " + abbreviate(text);
        }
        if (!outcome.closedByServer()) {
            return "the connection was not closed after the probe (" + outcome.ending() + "); got " + abbreviate(text);
        }
        if (sample.kind().refused()) {
            return text.equals(BAD_REQUEST) ? null : "expected exactly the 400 without id, got " + abbreviate(text);
        }
        if (!text.endsWith(BAD_REQUEST)) {
            return "expected the answers to end with the 400 without id, got " + abbreviate(text);
        }
        String[] packets = text.split(Pattern.quote("<?xml version=\"1.0\"?>\n"), -1);
        for (int i = 1; i < packets.length; i++) {
            if (!PACKET.matcher(packets[i]).matches()) {
                return "not an ECCP answer: " + abbreviate(packets[i]);
            }
        }
        return packets[0].isEmpty() ? null : "bytes before the first packet: " + abbreviate(packets[0]);
    }

    private record Outcome(String received, boolean closedByServer, String ending) {}

    /** Sends the sample and the probe from the attacker address, then reads until the server closes. */
    private static Outcome exchange(byte[] sample) throws IOException {
        try (Socket socket = attackerSocket()) {
            socket.setSoTimeout(100);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(sample);
                out.write(PROBE);
                out.flush();
            } catch (IOException e) {
                // The server may close while a large sample is still being written; what it sent is read below.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return new Outcome(received.toString(StandardCharsets.UTF_8), true, "closed");
                    }
                    received.write(buffer, 0, n);
                } catch (SocketTimeoutException e) {
                    // keep reading
                } catch (IOException e) {
                    return new Outcome(received.toString(StandardCharsets.UTF_8), true, "reset: " + e.getMessage());
                }
            }
            return new Outcome(received.toString(StandardCharsets.UTF_8), false, "still open after 10 s");
        }
    }

    private static String readUntil(Socket socket, String marker, Duration timeout) throws IOException {
        socket.setSoTimeout(200);
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (text.indexOf(marker) < 0 || !text.toString().endsWith("</response>\n")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + marker + "' within " + timeout + "; " + text.length() + " chars");
            }
            try {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    throw new AssertionError("server closed the flooding client after " + text.length() + " chars");
                }
                text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            } catch (SocketTimeoutException e) {
                // keep reading
            }
        }
        return text.toString();
    }

    private static Socket attackerSocket() throws IOException {
        return new Socket(InetAddress.getByName("127.0.0.1"), server.port(), InetAddress.getByName(ATTACKER), 0);
    }

    private static void assertServerStillServesNewSessions() {
        try (EccpClient client = EccpClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(10))) {
            client.login("agentconsole", "agentconsole");
            assertTrue(client.getPauses().isSuccess());
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // lets the collector finish; the measure is coarse on purpose
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "·");
        return printable.length() <= 240 ? printable : printable.substring(0, 240) + "… (" + text.length() + " chars)";
    }
}
