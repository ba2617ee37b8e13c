package org.dialerd.eccp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up warm-up's second part, over a real connection: {@link EccpWarmup} runs the ECCP
 * pipeline on an in-memory channel, which leaves out what a socket adds (Netty's NIO event loop:
 * select, read, write, flush; the JDK's socket channel). Measured: those methods were still being
 * compiled by C2 in the steady state of a 10,000 req/s open loop, seconds after the listener opened.
 * This client sends the same requests over loopback to a listener of the real pipeline that
 * {@link EccpServer} opens on an ephemeral 127.0.0.1 port for the warm-up alone (its session counts
 * as logged in, as the in-memory one does: a login would read the database), on
 * {@value #CONNECTIONS} connections in turn, one request at a time and {@value #BURST} pipelined
 * in turn (a console's request/response and a read that holds several requests). Bounded by
 * {@link #BUDGET}; it reads nothing but the answers' ends.
 */
final class SocketWarmup {
    static final int CONNECTIONS = 2;
    static final int BURST = 8;
    /** Longest the loopback part may take, whatever is left (about half a second on a quiet 2-core machine). */
    static final Duration BUDGET = Duration.ofSeconds(3);
    private static final byte[] END = "</response>".getBytes(StandardCharsets.US_ASCII);

    private SocketWarmup() {
    }

    /** What it did: requests answered over the sockets, how long it took. */
    record Report(int requests, Duration took) {}

    /** Sends {@code requests} of {@code bodies} in turn to 127.0.0.1:{@code port}; stops at the budget or a failure. */
    static Report run(int port, int requests, List<String> bodies) throws IOException {
        long start = System.nanoTime();
        long deadline = start + BUDGET.toNanos();
        List<Connection> connections = new ArrayList<>();
        int answered = 0;
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                connections.add(new Connection(new Socket(InetAddress.getLoopbackAddress(), port)));
            }
            for (int round = 0; answered < requests && System.nanoTime() < deadline; round++) {
                Connection connection = connections.get(round % CONNECTIONS);
                int count = Math.min(requests - answered, round % 2 == 0 ? 1 : BURST);
                StringBuilder packets = new StringBuilder(count * 100);
                for (int i = 0; i < count; i++) {
                    answered++;
                    packets.append("<request id=\"").append(answered).append("\">")
                            .append(bodies.get(answered % bodies.size())).append("</request>");
                }
                connection.out.write(packets.toString().getBytes(StandardCharsets.US_ASCII));
                connection.awaitAnswers(count);
            }
        } finally {
            for (Connection connection : connections) {
                connection.socket.close();
            }
        }
        return new Report(answered, Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 14];
        private int matched;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) BUDGET.toMillis());
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        /** Reads until {@code count} answers ended (an answer is never split from the next one's bytes by us). */
        void awaitAnswers(int count) throws IOException {
            int ended = 0;
            while (ended < count) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the warm-up connection was closed");
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    matched = b == END[matched] ? matched + 1 : (b == END[0] ? 1 : 0);
                    if (matched == END.length) {
                        matched = 0;
                        ended++;
                    }
                }
            }
        }
    }
}
