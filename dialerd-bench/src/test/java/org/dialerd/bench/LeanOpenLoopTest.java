package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lean open loop against a loopback stand-in for dialerd that answers every request in order. */
class LeanOpenLoopTest {
    private static final byte[] END = "</request>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sendsAtTheRateOverEverySessionAndMatchesEachAnswerToItsRequestInOrder() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> answerEveryRequest(server, requests), "fake-dialerd");
            acceptor.setDaemon(true);
            acceptor.start();
            LeanDriver prepared = new LeanDriver(server.getLocalPort(), 2, RequestMix.parse("getagentstatus"));
            List<Socket> sockets = prepared.open();
            LeanOpenLoop loop = new LeanOpenLoop(prepared, sockets);
            long start = System.nanoTime();
            long end = start + 200_000_000L;
            PhaseRecorder latency = new PhaseRecorder(start, 0, end);
            PhaseRecorder lateness = new PhaseRecorder(start, 0, end);
            PhaseRecorder fromSend = new PhaseRecorder(start, 0, end);

            loop.run(new RateSchedule(start, 2_000), end, latency, lateness, fromSend, false);

            assertTrue(loop.drain(10), "every request answered");
            long now = System.nanoTime();
            latency.tick(now);
            lateness.tick(now);
            fromSend.tick(now);
            assertEquals(400, loop.sent());       // 0.2 s at 2,000/s
            assertEquals(400, loop.answered());
            assertEquals(0, loop.errors());
            assertEquals(0, loop.failureAnswers());
            assertEquals(400, latency.steady().count());
            assertEquals(400, lateness.steady().count());
            assertEquals(400, fromSend.steady().count());
            assertEquals(400 + 2, requests.get()); // and the two logins
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Answers each {@code </request>} at once with a success, on a thread per connection. */
    private static void answerEveryRequest(ServerSocket server, AtomicInteger requests) {
        List<Thread> connections = new ArrayList<>();
        try {
            while (true) {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        int matched = 0;
                        for (int b; (b = in.read()) >= 0; ) {
                            matched = b == END[matched] ? matched + 1 : (b == END[0] ? 1 : 0);
                            if (matched == END.length) {
                                matched = 0;
                                requests.incrementAndGet();
                                out.write("<response id=\"1\"><ok/></response>".getBytes(StandardCharsets.US_ASCII));
                            }
                        }
                    } catch (IOException closed) {
                        // the test closed its sockets
                    }
                });
                connection.setDaemon(true);
                connection.start();
                connections.add(connection);
            }
        } catch (IOException closed) {
            // the server socket closed at the end of the test
        }
    }
}
