package org.dialerd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dialerd in a JVM of its own ({@code java <jvm options> -jar dialerd.jar --config FILE}), so
 * its heap, CPU and GC are its own and {@code -Xmx} means what it says. The configuration uses
 * the embedded MariaDB with the demo data (under {@code workDir}, kept between runs) and the
 * load tool's simulator as Asterisk. JMX is open on loopback for {@link JvmProbe}. The log goes
 * to {@code workDir/dialerd.log}.
 */
final class DialerdProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int eccpPort;
    private final int jmxPort;
    private final long startedNanos;

    private DialerdProcess(Process process, int eccpPort, int jmxPort, long startedNanos) {
        this.process = process;
        this.eccpPort = eccpPort;
        this.jmxPort = jmxPort;
        this.startedNanos = startedNanos;
    }

    /** {@code warmupRequests}: eccp.warmup_requests, or {@link LoadOptions#DIALERD_DEFAULT}. */
    /** The dialerd process's id (for {@link ProcessCost}). */
    long pid() {
        return process.pid();
    }

    static DialerdProcess start(Path jar, Path workDir, int amiPort, int maxConnections, List<String> jvmOptions,
                                int warmupRequests) {
        return start(jar, workDir, amiPort, maxConnections, jvmOptions, warmupRequests, "");
    }

    /** {@code extraConfig}: further lines appended to the configuration file (whole sections). */
    static DialerdProcess start(Path jar, Path workDir, int amiPort, int maxConnections, List<String> jvmOptions,
                                int warmupRequests, String extraConfig) {
        try {
            Files.createDirectories(workDir);
            int eccpPort = freePort();
            int jmxPort = freePort();
            Path config = workDir.resolve("bench.conf");
            Files.writeString(config, config(workDir, eccpPort, amiPort, maxConnections, warmupRequests)
                    + extraConfig);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                    "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                    "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                    "-Djava.rmi.server.hostname=127.0.0.1",
                    "-Dcom.sun.management.jmxremote.authenticate=false",
                    "-Dcom.sun.management.jmxremote.ssl=false",
                    "-jar", jar.toString(), "--config", config.toString()));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("dialerd.log").toFile())
                    .start();
            DialerdProcess dialerd = new DialerdProcess(process, eccpPort, jmxPort, started);
            dialerd.awaitListening();
            return dialerd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dialerd from " + jar, e);
        }
    }

    /**
     * The idle timeout is an hour so idle sessions stay open for the whole run; the connection
     * limit is raised for the many-sessions scenarios (the default is 4,096).
     */
    static String config(Path workDir, int eccpPort, int amiPort, int maxConnections, int warmupRequests) {
        String warmup = warmupRequests == LoadOptions.DIALERD_DEFAULT ? "" : "warmup_requests = " + warmupRequests;
        return """
                [dialerd]
                data_dir = %s
                [eccp]
                port = %d
                idle_timeout = 3600
                max_connections = %d
                %s
                [asterisk]
                host = 127.0.0.1
                port = %d
                user = dialerd
                secret = dialerd
                [agents]
                dial_template = Local/{ext}@agents
                membership = table
                [freepbx]
                amportal_conf =
                """.formatted(workDir.resolve("data").toAbsolutePath(), eccpPort, maxConnections, warmup, amiPort);
    }

    /**
     * The port of dialerd's embedded MariaDB (it takes any free port): read from the command
     * line of the mariadbd process dialerd started, its child.
     */
    int databasePort() {
        return process.toHandle().descendants()
                .flatMap(child -> child.info().arguments().stream().flatMap(Arrays::stream))
                .filter(arg -> arg.startsWith("--port="))
                .map(arg -> Integer.parseInt(arg.substring("--port=".length())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no mariadbd child with --port= under dialerd's process"));
    }

    /** CPU time so far of dialerd's embedded MariaDB (a process of its own, not in dialerd's JVM figures). */
    java.time.Duration databaseCpu() {
        return process.toHandle().descendants()
                .filter(child -> child.info().arguments().stream().flatMap(Arrays::stream)
                        .anyMatch(arg -> arg.startsWith("--port=")))
                .findFirst()
                .flatMap(child -> child.info().totalCpuDuration())
                .orElse(java.time.Duration.ZERO);
    }

    /** SIGHUP: dialerd reads valor_config again (as the reference does on it). */
    void reloadSettings() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int eccpPort() {
        return eccpPort;
    }

    int jmxPort() {
        return jmxPort;
    }

    /** When the process was launched (System.nanoTime). */
    long startedNanos() {
        return startedNanos;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dialerd exited with status " + process.exitValue()
                        + " before listening; see its log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", eccpPort), 200);
                return;
            } catch (IOException notYet) {
                pause(100);
            }
        }
        close();
        throw new IllegalStateException("dialerd did not listen on " + eccpPort + " within " + START_TIMEOUT);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
