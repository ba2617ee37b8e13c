package org.dialerd.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;

/**
 * {@code ReadinessProbe [--timeout SECONDS] <dialerd's own arguments>}: waits until dialerd
 * accepts TCP connections on the ECCP address those arguments configure, then exits 0; exits 1
 * when dialerd ({@code $MAINPID}, which systemd sets) exits first or the timeout passes, 2 on
 * bad arguments or configuration.
 *
 * <p>Why it exists: systemd learns that a service is ready from an sd_notify datagram, which a
 * JVM cannot send without native code. The packaged unit is {@code Type=exec} and runs this
 * (bin/dialerd-ready) as {@code ExecStartPost}, so {@code systemctl start dialerd} returns, and
 * units ordered after dialerd start, only once agent consoles can connect. The ECCP listener
 * is the last thing dialerd starts (after the database and AMI), so a connection that is
 * accepted means dialerd is up. The probe reads the configuration with dialerd's own parser,
 * so it waits on exactly the port dialerd binds.
 */
public final class ReadinessProbe {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PAUSE = Duration.ofMillis(250);

    /** Waits between attempts; tests pass one that advances their clock instead. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private ReadinessProbe() {
    }

    public static void main(String[] args) {
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<ProcessHandle> server = serverProcess(System.getenv("MAINPID"));
        InetSocketAddress address;
        try {
            String[] dialerdArgs = args;
            if (args.length > 0 && args[0].equals("--timeout")) {
                if (args.length < 2) {
                    throw new ConfigException("--timeout needs a value");
                }
                timeout = Duration.ofSeconds(seconds(args[1]));
                dialerdArgs = Arrays.copyOfRange(args, 2, args.length);
            }
            DialerdConfig config = Main.parse(dialerdArgs);
            address = target(config == null ? EccpServerSettings.defaults() : config.eccp());
        } catch (ConfigException e) {
            System.err.println("dialerd-ready: " + e.getMessage());
            // dialerd refuses the same configuration with exit status 2. Letting it exit first
            // makes systemd record its status (RestartPreventExitStatus=2: no restart loop).
            awaitExit(server, timeout);
            System.exit(2);
            return;
        }
        Outcome outcome;
        try {
            outcome = await(address, timeout, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()),
                    () -> server.map(ProcessHandle::isAlive).orElse(true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.TIMED_OUT;
        }
        switch (outcome) {
            case READY -> System.out.println("dialerd-ready: ECCP accepts connections on " + describe(address));
            case SERVER_EXITED -> {
                System.err.println("dialerd-ready: dialerd exited before ECCP on " + describe(address)
                        + " accepted a connection");
                System.exit(1);
            }
            case TIMED_OUT -> {
                System.err.println("dialerd-ready: ECCP on " + describe(address) + " accepted no connection within "
                        + timeout.toSeconds() + " s");
                System.exit(1);
            }
        }
    }

    /** systemd gives ExecStartPost the main process id in {@code MAINPID}; run by hand there is none. */
    static Optional<ProcessHandle> serverProcess(String mainPid) {
        if (mainPid == null || !mainPid.matches("[1-9][0-9]*")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(mainPid));
    }

    private static void awaitExit(Optional<ProcessHandle> server, Duration timeout) {
        server.ifPresent(process -> {
            try {
                process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Still running after the timeout: report the configuration error anyway.
            }
        });
    }

    /** Where to connect: the bind address, or loopback when dialerd listens on every interface. */
    static InetSocketAddress target(EccpServerSettings eccp) {
        if (eccp.port() == 0) {
            throw new ConfigException("eccp.port = '0': a random port cannot be waited for");
        }
        String host = switch (eccp.bindAddress()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> eccp.bindAddress();
        };
        return new InetSocketAddress(host, eccp.port());
    }

    /** How waiting ended. */
    enum Outcome { READY, SERVER_EXITED, TIMED_OUT }

    /**
     * Tries to connect until one attempt succeeds, the server process is gone, or
     * {@code timeout} has passed on {@code clock}.
     */
    static Outcome await(InetSocketAddress address, Duration timeout, Clock clock, Pause pause,
                         BooleanSupplier serverAlive) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
                return Outcome.READY;
            } catch (IOException notYet) {
                if (!serverAlive.getAsBoolean()) {
                    return Outcome.SERVER_EXITED;
                }
                if (!clock.instant().isBefore(deadline)) {
                    return Outcome.TIMED_OUT;
                }
                pause.pause(PAUSE);
            }
        }
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds < 1) {
                throw new ConfigException("--timeout '" + text + "': must be at least 1");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new ConfigException("--timeout '" + text + "': not a whole number of seconds", e);
        }
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
