package org.dialerd.ami;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Just enough Asterisk for asterisk-java, on 127.0.0.1 and a free port. Speaks the login of
 * trace 01 as asterisk-java drives it:
 * <pre>
 * S: Asterisk Call Manager/11.0.0
 * C: action: Challenge / authtype: MD5          S: Response: Success / Challenge: 123456789
 * C: action: Login / key: md5(challenge+secret)  S: Response: Success / Message: Authentication accepted
 *                                                S: Event: FullyBooted, Event: SuccessfulAuth
 * C: action: CoreSettings                        S: Response: Success / AsteriskVersion: 22.10.1 ...
 * </pre>
 * then answers Ping and Logoff itself, other actions as told ({@link #answer}; "Success" by
 * default), records every action it receives after the login, and writes whatever a test hands it
 * ({@link #write}). One client connection at a time: a new one replaces the old.
 */
final class FakeAmiServer implements AutoCloseable {

    static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final Thread acceptor;
    private final BlockingQueue<AmiPacket> actions = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> logins = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> loginTries = new LinkedBlockingQueue<>();
    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final Map<String, Function<AmiPacket, List<AmiPacket>>> answers = new ConcurrentHashMap<>();
    private volatile boolean rejectLogins;
    private volatile Connection current;
    private volatile boolean closed;

    FakeAmiServer(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Answers every action named {@code action} with these packets (their ActionID replaced). */
    void answer(String action, List<AmiPacket> packets) {
        answers.put(action.toLowerCase(Locale.ROOT), request -> packets.stream()
                .map(p -> p.get("ActionID") == null ? p : p.withActionId(request.get("ActionID"))).toList());
    }

    /** Never answers actions named {@code action}. */
    void ignore(String action) {
        answers.put(action.toLowerCase(Locale.ROOT), request -> List.of());
    }

    void rejectLogins(boolean reject) {
        rejectLogins = reject;
    }

    int loginAttempts() {
        return loginAttempts.get();
    }

    /** Waits for the next successful login; false after {@code timeout}. */
    boolean awaitLogin(Duration timeout) throws InterruptedException {
        return logins.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    /** Waits for the next login attempt, accepted or not; false after {@code timeout}. */
    boolean awaitLoginAttempt(Duration timeout) throws InterruptedException {
        return loginTries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    /** The next action received whose name is {@code action} (others are skipped), or null. */
    AmiPacket awaitAction(String action, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            AmiPacket p = actions.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (p == null || action.equalsIgnoreCase(p.name())) {
                return p;
            }
        }
    }

    /** Writes packets to the connected client, in one go. */
    void write(List<AmiPacket> packets) throws IOException {
        Connection c = current;
        if (c == null) {
            throw new IOException("no client connected");
        }
        c.write(packets);
    }

    /** Closes the client's connection (Asterisk stopped, or the network cut it cleanly). */
    void dropConnection() throws IOException {
        Connection c = current;
        if (c != null) {
            c.socket.close();
        }
    }

    /** The current connection stays open but goes silent both ways: a half-open TCP connection. */
    void goSilent() {
        Connection c = current;
        if (c != null) {
            c.silent = true;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnection();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Connection c = new Connection(socket);
                current = c;
                Thread t = new Thread(c::serve, "fake-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private final class Connection {
        final Socket socket;
        final OutputStream out;
        final String challenge = Long.toString(100_000_000L + (long) (Math.random() * 800_000_000L));
        volatile boolean silent;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try (socket; BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                writeRaw(BANNER + "\r\n");
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                        continue;
                    }
                    if (!lines.isEmpty() && !silent) {
                        handle(new AmiPacket(lines));
                    }
                    lines = new ArrayList<>();
                }
            } catch (IOException e) {
                // client went away
            }
        }

        private void handle(AmiPacket action) throws IOException {
            String id = action.get("ActionID");
            String name = action.name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "challenge" -> write(List.of(AmiPacket.of("Response: Success", "ActionID: " + id,
                        "Challenge: " + challenge)));
                case "login" -> login(action, id);
                case "coresettings" -> write(List.of(AmiPacket.of("Response: Success", "ActionID: " + id,
                        "AMIversion: 11.0.0", "AsteriskVersion: 22.10.1", "SystemName: ", "CoreMaxCalls: 0",
                        "CoreMaxLoadAvg: 0.000000", "CoreRunUser: ", "CoreRunGroup: ", "CoreMaxFilehandles: 0",
                        "CoreRealTimeEnabled: No", "CoreCDRenabled: Yes", "CoreHTTPenabled: No",
                        "SoundsSearchCustomDir: No")));
                case "ping" -> {
                    actions.add(action);
                    write(List.of(AmiPacket.of("Response: Success", "ActionID: " + id, "Ping: Pong",
                            "Timestamp: 1795339859.746618")));
                }
                case "logoff" -> {
                    actions.add(action);
                    write(List.of(AmiPacket.of("Response: Goodbye", "ActionID: " + id,
                            "Message: Thanks for all the fish.")));
                    socket.close();
                }
                default -> {
                    actions.add(action);
                    Function<AmiPacket, List<AmiPacket>> answer = answers.get(name);
                    write(answer != null ? answer.apply(action)
                            : List.of(AmiPacket.of("Response: Success", "ActionID: " + id, "Message: OK")));
                }
            }
        }

        private void login(AmiPacket action, String id) throws IOException {
            loginAttempts.incrementAndGet();
            loginTries.add(String.valueOf(action.get("Username")));
            boolean ok = !rejectLogins && username.equals(action.get("Username"))
                    && md5(challenge + secret).equalsIgnoreCase(action.get("Key"));
            if (!ok) {
                write(List.of(AmiPacket.of("Response: Error", "ActionID: " + id,
                        "Message: Authentication failed")));
                return;
            }
            write(List.of(
                    AmiPacket.of("Response: Success", "ActionID: " + id, "Message: Authentication accepted"),
                    AmiPacket.of("Event: FullyBooted", "Privilege: system,all", "Uptime: 45", "LastReload: 45",
                            "Status: Fully Booted"),
                    AmiPacket.of("Event: SuccessfulAuth", "Privilege: security,all", "Severity: Informational",
                            "Service: AMI", "EventVersion: 1", "AccountID: " + username, "UsingPassword: 0")));
            logins.add(action.get("Username"));
        }

        void write(List<AmiPacket> packets) throws IOException {
            StringBuilder sb = new StringBuilder();
            packets.forEach(p -> sb.append(p.wire()));
            writeRaw(sb.toString());
        }

        private synchronized void writeRaw(String text) throws IOException {
            if (!silent) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
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
