package org.dialerd.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.eccp.xml.XmlWriter;

/**
 * {@code --client lean}: the request/response measure with a client that costs next to nothing,
 * so a one-connection rate shows dialerd's share of the round trip rather than the Java client
 * library's (which parses every answer into a tree). One blocking socket and one thread per
 * session, one request at a time: write the request's bytes (serialized once, before the run),
 * read up to {@code </response>}, count the answer as a failure if it holds
 * {@code <failure><code>}. No XML parsing. Reported as what it is: the figure with the lean
 * client, next to the client library's.
 */
final class LeanDriver extends CountingDriver {
    /** Requests serialized before the run (divisible by every mix length up to 10, and by the 10 agents). */
    private static final int PREPARED = 2520;

    private final int port;
    private final int sessions;
    private PhaseRecorder recorder;
    private final byte[][] requests;
    private final String[] names;
    private final AtomicLong failures = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    /** Holds the finished threads until {@link #drain}, so the run's last figures still count them (/proc). */
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    LeanDriver(int port, int sessions, RequestMix mix) {
        this.port = port;
        this.sessions = sessions;
        this.requests = new byte[PREPARED][];
        this.names = new String[PREPARED];
        for (int i = 0; i < PREPARED; i++) {
            names[i] = mix.name(i);
            requests[i] = ("<request id=\"" + (i + 1) + "\">" + XmlWriter.toXml(mix.request(i)) + "</request>")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The {@code index}-th request's bytes (its id repeats every {@value #PREPARED}: answers are matched in order). */
    byte[] request(long index) {
        return requests[(int) (index % PREPARED)];
    }

    /** Logs every session in (before the measured run), so {@link #run} only sends requests. */
    List<Socket> open() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("<request id=\"0\"><login><username>" + SessionPool.USER
                    + "</username><password>" + SessionPool.PASSWORD + "</password></login></request>")
                    .getBytes(StandardCharsets.US_ASCII));
            AnswerReader answers = new AnswerReader(socket.getInputStream(), false);
            if (answers.next()) {
                socket.close();
                throw new IOException("lean client: login refused");
            }
            sockets.add(socket);
        }
        return sockets;
    }

    /** Starts one thread per socket sending until {@code endNanos}; {@link #join} waits for them. */
    void run(List<Socket> sockets, PhaseRecorder recorder, long endNanos) {
        this.recorder = recorder;
        for (Socket socket : sockets) {
            Thread thread = new Thread(() -> loop(socket, endNanos), "bench-lean");
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public boolean drain(int seconds) throws InterruptedException {
        release.countDown();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public List<String> failureLines() {
        return failures.get() == 0 && errors.get() == 0 ? List.of()
                : List.of("answers with a failure: " + failures.get() + ", connections lost: " + errors.get());
    }

    /** The socket stays open (counted open at the end like the library's sessions); the JVM's exit closes it. */
    private void loop(Socket socket, long endNanos) {
        try {
            OutputStream out = socket.getOutputStream();
            AnswerReader answers = new AnswerReader(socket.getInputStream(), false);
            for (int i = 0; System.nanoTime() < endNanos; i++) {
                byte[] request = requests[i % PREPARED];
                long start = System.nanoTime();
                sent.incrementAndGet();
                out.write(request);
                boolean failed = answers.next();
                recorder.record(System.nanoTime() - start);
                answered.incrementAndGet();
                if (failed) {
                    failures.incrementAndGet();
                }
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }



    @Override
    public long failureAnswers() {
        return failures.get();
    }

}
