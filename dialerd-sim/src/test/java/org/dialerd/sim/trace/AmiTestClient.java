package org.dialerd.sim.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw AMI client for tests: writes actions, collects every packet (banner first) in order. */
public final class AmiTestClient implements AutoCloseable {

    private static final Packet EOF = new Packet(-1, List.of());

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Packet> inbox = new LinkedBlockingQueue<>();
    private volatile long stamp;

    public AmiTestClient(int port) throws IOException {
        this(port, 0);
    }

    /** Connects with {@code stamp} already set, so that the banner carries the connect time. */
    public AmiTestClient(int port, long stamp) throws IOException {
        this.stamp = stamp;
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Time attached to packets read from now on. */
    public void stamp(long millis) {
        this.stamp = millis;
    }

    public void send(List<Map.Entry<String, String>> fields) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            sb.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
        }
        out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void send(String... kv) throws IOException {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            f.add(Map.entry(kv[i], kv[i + 1]));
        }
        send(f);
    }

    /** Next packet, or null after the timeout; {@link #isEof(Packet)} marks the end of stream. */
    public Packet next(Duration timeout) throws InterruptedException {
        return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads until a packet with this ActionID and a Response header arrives; returns all read. */
    public List<Packet> until(String actionId, Duration timeout) throws InterruptedException {
        List<Packet> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Packet p = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new AssertionError("no response to " + actionId + " within " + timeout + "; got " + got);
            }
            if (isEof(p)) {
                inbox.add(p);
                return got;
            }
            got.add(p);
            if (actionId.equals(p.get("ActionID")) && p.get("Response") != null) {
                return got;
            }
        }
    }

    public static boolean isEof(Packet p) {
        return p == EOF;
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String banner = r.readLine();
            if (banner != null) {
                inbox.add(new Packet(stamp, List.of(Map.entry("Banner", banner))));
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!fields.isEmpty()) {
                        inbox.add(new Packet(stamp, fields));
                        fields = new ArrayList<>();
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                String v = colon < 0 ? "" : line.substring(colon + 1);
                fields.add(Map.entry(colon < 0 ? line : line.substring(0, colon), v.startsWith(" ") ? v.substring(1) : v));
            }
        } catch (IOException e) {
            // closed: fall through to EOF
        } finally {
            inbox.add(EOF);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
