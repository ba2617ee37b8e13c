package org.dialerd.it.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dialerd.server.Main;

/**
 * dialerd as the operating system runs it: a child JVM started with this JVM's java and class
 * path, {@code Main --config FILE}, its own journal and data directories; stdout and stderr go
 * to a log file under target/ ({@link #log()}, printed by {@link ProcessLogs} when a test
 * fails). {@link #kill()} is {@code kill -9}: no shutdown hook runs, nothing is flushed or
 * closed beyond what the process had already done.
 */
final class DialerdProcess implements AutoCloseable {
    /** What a JVM killed by SIGKILL exits with: 128 + 9. */
    static final int SIGKILL_EXIT = 137;
    /** Written by the shutdown hook (Dialerd.close): never there after a kill. */
    static final String SHUTDOWN_LINE = "dialerd stopping";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;
    private final int eccpPort;

    private DialerdProcess(String name, Process process, Path log, int eccpPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.eccpPort = eccpPort;
    }

    /**
     * Starts {@code Main --config config --eccp-port port} and returns once the ECCP port answers
     * (dialerd opens it last, after the journal replayed and the engine took the previous run's
     * rows over). The process is registered with {@code logs}.
     */
    static DialerdProcess start(String name, Path config, ProcessLogs logs) {
        DialerdProcess started = launch(name, config, logs);
        started.awaitReady();
        return started;
    }

    /** Starts it without waiting for the ECCP port (to kill it while it is still starting). */
    static DialerdProcess launch(String name, Path config, ProcessLogs logs) {
        int port = freePort();
        Path log = config.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; the tests measure no throughput
        command.add("-DDIALERD_TEST_LOG=INFO"); // logback-test.xml: dialerd's INFO lines in the log
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("--config");
        command.add(config.toString());
        command.add("--eccp-port");
        command.add(String.valueOf(port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            DialerdProcess started = new DialerdProcess(name, process, log, port);
            logs.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dialerd: " + command, e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before its ECCP port "
                        + "answered:\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", eccpPort), 200);
                return;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        throw new AssertionError(name + ": ECCP port " + eccpPort + " not answering after " + READY_TIMEOUT
                + ":\n" + log());
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for the exit: asserts the
     * status is 137 and that no shutdown hook ran.
     */
    void kill() {
        process.destroyForcibly();
        int status;
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still running 30 s after SIGKILL");
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name + " to die", e);
        }
        if (status != SIGKILL_EXIT) {
            throw new AssertionError(name + " exited with " + status + ", not " + SIGKILL_EXIT + " (SIGKILL)");
        }
        if (log().contains(SHUTDOWN_LINE)) {
            throw new AssertionError(name + " ran its shutdown hook although it was killed");
        }
    }

    int eccpPort() {
        return eccpPort;
    }

    boolean alive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** Everything the process wrote so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** A test that ends early leaves no process behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polling interval of the readiness probe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
