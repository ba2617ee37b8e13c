package org.dialerd.jmh.ami;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Asterisk that writes recorded AMI events as fast as the socket takes them, and answers
 * every action on the same socket in between, the way Asterisk interleaves responses with its
 * event stream:
 * <pre>
 * S: Asterisk Call Manager/11.0.0
 * C: Challenge, Login (MD5), CoreSettings      S: answers as in trace 01, FullyBooted, SuccessfulAuth
 * blast(n):                                    S: Event: Newchannel … Uniqueid: 1795339927.0
 *                                              S: Event: Newexten … (n events, the {@link AmiEventMix})
 * C: Action: Getvar / Variable: V / ActionID   S: Response: Success / Variable: V / Value: V  (between two events)
 * </pre>
 * One client at a time, on 127.0.0.1 and a free port. Used by the ingest benchmark
 * ({@link AmiIngestBench}) and by the zero-loss test in src-it.
 */
public final class AmiBlaster implements AutoCloseable {
    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final CountDownLatch loggedIn = new CountDownLatch(1);
    private final AtomicLong actionsAnswered = new AtomicLong();
    private volatile Socket client;
    private volatile OutputStream out;

    public AmiBlaster(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "ami-blaster-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** True once a client has logged in. */
    public boolean awaitLogin(Duration timeout) throws InterruptedException {
        return loggedIn.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Actions answered after the login (Ping, Getvar, any other). */
    public long actionsAnswered() {
        return actionsAnswered.get();
    }

    /**
     * Writes {@code count} events of {@code mix} on a thread of its own, as fast as TCP takes them
     * (a slow reader blocks this writer: flow control, as with a real Asterisk). Completes when the
     * last byte is written.
     */
    public CompletableFuture<Void> blast(AmiEventMix mix, int count) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    byte[] packet = mix.packet(i);
                    synchronized (this) {
                        out.write(packet);
                    }
                }
                synchronized (this) {
                    out.flush();
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "ami-blaster-writer");
        writer.setDaemon(true);
        writer.start();
        return done;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket c = client;
        if (c != null) {
            c.close();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                         StandardCharsets.UTF_8))) {
                client = socket;
                socket.setTcpNoDelay(true);
                // Big enough that the writer does not block on every packet, small enough that a slow
                // reader still pushes back on it.
                out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                String challenge = "424242424";
                writeNow(BANNER + "\r\n");
                Map<String, String> action = new HashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    line.substring(colon + 1).trim());
                        }
                        continue;
                    }
                    if (!action.isEmpty()) {
                        answer(action, challenge);
                    }
                    action = new HashMap<>();
                }
            } catch (IOException e) {
                // the client went away, or close()
            }
        }
    }

    private void answer(Map<String, String> action, String challenge) throws IOException {
        String id = action.getOrDefault("actionid", "");
        switch (action.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
            case "challenge" -> writeNow(packet("Response: Success", "ActionID: " + id, "Challenge: " + challenge));
            case "login" -> {
                boolean ok = username.equals(action.get("username"))
                        && md5(challenge + secret).equalsIgnoreCase(action.get("key"));
                if (!ok) {
                    writeNow(packet("Response: Error", "ActionID: " + id, "Message: Authentication failed"));
                    return;
                }
                writeNow(packet("Response: Success", "ActionID: " + id, "Message: Authentication accepted")
                        + packet("Event: FullyBooted", "Privilege: system,all", "Uptime: 45", "LastReload: 45",
                        "Status: Fully Booted"));
            }
            case "coresettings" -> {
                writeNow(packet("Response: Success", "ActionID: " + id, "AMIversion: 11.0.0",
                        "AsteriskVersion: 22.10.1", "SystemName: ", "CoreMaxCalls: 0", "CoreMaxLoadAvg: 0.000000",
                        "CoreRunUser: ", "CoreRunGroup: ", "CoreMaxFilehandles: 0", "CoreRealTimeEnabled: No",
                        "CoreCDRenabled: Yes", "CoreHTTPenabled: No", "SoundsSearchCustomDir: No"));
                loggedIn.countDown();
            }
            case "ping" -> {
                writeNow(packet("Response: Success", "ActionID: " + id, "Ping: Pong", "Timestamp: 1795339859.746618"));
                actionsAnswered.incrementAndGet();
            }
            case "getvar" -> {
                String variable = action.getOrDefault("variable", "");
                writeNow(packet("Response: Success", "ActionID: " + id, "Variable: " + variable,
                        "Value: " + variable));
                actionsAnswered.incrementAndGet();
            }
            case "logoff" -> writeNow(packet("Response: Goodbye", "ActionID: " + id,
                    "Message: Thanks for all the fish."));
            default -> {
                writeNow(packet("Response: Success", "ActionID: " + id, "Message: OK"));
                actionsAnswered.incrementAndGet();
            }
        }
    }

    /** A response goes out at once, between two events of a running blast. */
    private synchronized void writeNow(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String packet(String... lines) {
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
