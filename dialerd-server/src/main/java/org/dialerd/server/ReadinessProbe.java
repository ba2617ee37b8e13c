package org.dialerd.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;

/**
 * {@code ReadinessProbe [--timeout SECONDS] <dialerd's own arguments>}: waits until dialerd
 * accepts TCP connections on the ECCP address those arguments configure, then exits 0; exits 1
 * when that does not happen within the timeout, 2 on bad arguments.
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
        String[] dialerdArgs = args;
        InetSocketAddress address;
        try {
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
            System.exit(2);
            return;
        }
        boolean ready;
        try {
            ready = awaitConnectable(address, timeout, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = false;
        }
        if (ready) {
            System.out.println("dialerd-ready: ECCP accepts connections on " + describe(address));
        } else {
            System.err.println("dialerd-ready: ECCP on " + describe(address) + " accepted no connection within "
                    + timeout.toSeconds() + " s");
            System.exit(1);
        }
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

    /** Tries to connect until one attempt succeeds or {@code timeout} has passed on {@code clock}. */
    static boolean awaitConnectable(InetSocketAddress address, Duration timeout, Clock clock, Pause pause)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
                return true;
            } catch (IOException notYet) {
                if (!clock.instant().isBefore(deadline)) {
                    return false;
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
