package org.dialerd.it.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;

/**
 * A well-behaved session that keeps asking while an attack runs: getpauses (a database read on a
 * worker) and getagentstatus (the engine's view), one after the other, measuring each answer's
 * latency. The attack must not make it wait longer than the bound, fail or lose its connection.
 */
final class Witness implements AutoCloseable {
    private final EccpClient client;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private Witness(int port) {
        client = EccpClient.connect("127.0.0.1", port, Duration.ofSeconds(10));
        client.login("agentconsole", "agentconsole");
        thread = new Thread(this::run, "witness");
        thread.setDaemon(true);
        thread.start();
    }

    static Witness start(int port) {
        return new Witness(port);
    }

    private void run() {
        while (running.get()) {
            long start = System.nanoTime();
            try {
                EccpResponse answer = answers.get() % 2 == 0 ? client.getPauses() : client.getAgentStatus("Agent/9000");
                long took = System.nanoTime() - start;
                slowestNanos.accumulateAndGet(took, Math::max);
                if (answer.body().name().equals("getpauses_response") && !answer.isSuccess()) {
                    problems.add("getpauses failed: " + answer.body());
                }
                answers.incrementAndGet();
            } catch (RuntimeException e) {
                problems.add(e.toString());
                return;
            }
        }
    }

    /** Fails unless every answer came, within {@code bound}, at least {@code minimum} of them. */
    void assertServed(Duration bound, int minimum) {
        if (!problems.isEmpty()) {
            throw new AssertionError("witness: " + problems);
        }
        Duration slowest = Duration.ofNanos(slowestNanos.get());
        if (slowest.compareTo(bound) > 0) {
            throw new AssertionError("witness waited " + slowest.toMillis() + " ms for an answer (bound "
                    + bound.toMillis() + " ms)");
        }
        if (answers.get() < minimum) {
            throw new AssertionError("witness got only " + answers.get() + " answers, expected at least " + minimum);
        }
        if (!client.isOpen()) {
            throw new AssertionError("witness connection closed");
        }
    }

    int answers() {
        return answers.get();
    }

    Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(15).toMillis());
        client.close();
    }
}
