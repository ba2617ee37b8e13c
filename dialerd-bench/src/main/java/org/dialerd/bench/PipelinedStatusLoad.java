package org.dialerd.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pipelined getagentstatus load against a running dialerd: each connection logs in, then
 * writes {@code pipeline} requests at a time and reads their answers, for {@code seconds}.
 * Prints requests per second. Bounded in time and count; loopback only by default.
 *
 * <pre>
 * java -cp dialerd-bench/target/dialerd-bench-0.1.0-SNAPSHOT.jar org.dialerd.bench.PipelinedStatusLoad \
 *      [port 20005] [connections 4] [pipeline 64] [seconds 10]
 * </pre>
 */
public final class PipelinedStatusLoad {
    private static final String HOST = "127.0.0.1";
    private static final byte[] LOGIN = ("<request id=\"0\"><login><username>agentconsole</username>"
            + "<password>agentconsole</password></login></request>").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</response>".getBytes(StandardCharsets.US_ASCII);

    private PipelinedStatusLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 20005;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int pipeline = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 10);
        byte[] batch = batch(pipeline);
        AtomicLong answered = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> run(port, batch, pipeline, deadline, answered), "load-" + i);
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d connections, pipeline %d: %d answers in %.1f s = %.0f requests/s%n", connections,
                pipeline, answered.get(), seconds, answered.get() / seconds);
    }

    private static byte[] batch(int pipeline) {
        StringBuilder text = new StringBuilder();
        String[] agents = {"Agent/9000", "Agent/9001", "SIP/1001", "SIP/1002"};
        for (int i = 0; i < pipeline; i++) {
            text.append("<request id=\"").append(i + 1).append("\"><getagentstatus><agent_number>")
                    .append(agents[i % agents.length]).append("</agent_number></getagentstatus></request>");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void run(int port, byte[] batch, int pipeline, long deadline, AtomicLong answered) {
        try (Socket socket = new Socket(HOST, port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(LOGIN);
            out.flush();
            Matcher matcher = new Matcher();
            matcher.await(in, 1);
            while (System.nanoTime() < deadline) {
                out.write(batch);
                out.flush();
                matcher.await(in, pipeline);
                answered.addAndGet(pipeline);
            }
        } catch (IOException e) {
            System.err.println(Thread.currentThread().getName() + ": " + e);
        }
    }

    /** Counts {@code </response>} occurrences across reads. */
    private static final class Matcher {
        private final byte[] buffer = new byte[1 << 16];
        private int matched;

        void await(InputStream in, int answers) throws IOException {
            int seen = 0;
            while (seen < answers) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == END[matched] ? matched + 1 : (buffer[i] == END[0] ? 1 : 0);
                    if (matched == END.length) {
                        matched = 0;
                        seen++;
                    }
                }
            }
        }
    }
}
