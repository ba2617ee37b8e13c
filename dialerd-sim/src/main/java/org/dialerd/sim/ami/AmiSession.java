package org.dialerd.sim.ami;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dialerd.sim.clock.VirtualScheduler;
import org.dialerd.sim.fault.AmiFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manager connection. A reader thread decodes actions and hands them to the
 * {@link ActionSink}; everything sent to the client goes through one queue drained by a writer
 * thread, so responses and events keep the order in which the engine produced them and a slow
 * client never blocks the engine.
 */
public final class AmiSession {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);
    private static final String CLOSE = new String("close");

    private final Socket socket;
    private final long id;
    private final ActionSink sink;
    private final String banner;
    private final BlockingQueue<String> outbound = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Injected faults (tests); null = none. */
    private volatile AmiFaults faults;
    private volatile VirtualScheduler faultClock;
    /** Half-open: nothing is read or written any more, yet the socket stays open. */
    private volatile boolean silent;

    // Mutated only on the engine thread (the sink runs actions there).
    private volatile boolean authenticated;
    private volatile String username = "";
    private volatile EventFilter filter = EventFilter.ALL;
    private volatile String challenge;

    public AmiSession(Socket socket, long id, String banner, ActionSink sink) {
        this.socket = socket;
        this.id = id;
        this.banner = banner;
        this.sink = sink;
    }

    void start() {
        Thread reader = new Thread(this::readLoop, "ami-session-" + id + "-reader");
        Thread writer = new Thread(this::writeLoop, "ami-session-" + id + "-writer");
        reader.setDaemon(true);
        writer.setDaemon(true);
        outbound.add(banner + "\r\n");
        writer.start();
        reader.start();
    }

    public long id() {
        return id;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public void authenticated(String user, EventFilter events) {
        this.username = user;
        this.filter = events;
        this.authenticated = true;
    }

    public String username() {
        return username;
    }

    public void eventFilter(EventFilter f) {
        this.filter = f;
    }

    public String challenge() {
        return challenge;
    }

    public void challenge(String c) {
        this.challenge = c;
    }

    public String localAddress() {
        return "IPV4/TCP/" + socket.getLocalAddress().getHostAddress() + "/" + socket.getLocalPort();
    }

    public String remoteAddress() {
        return "IPV4/TCP/" + socket.getInetAddress().getHostAddress() + "/" + socket.getPort();
    }

    /** Responses and list items: always sent, whatever the event mask. */
    public void send(AmiMessage message) {
        AmiFaults f = faults;
        if (f != null) {
            f.response(message, faultClock, this::sendWire);
        } else {
            sendWire(message.toWire());
        }
    }

    /** A broadcast event: sent only to logged-in sessions whose mask accepts its class. */
    public void deliver(AmiMessage event, Set<String> classes, String wire) {
        if (authenticated && filter.accepts(classes)) {
            AmiFaults f = faults;
            if (f != null) {
                f.event(event, wire, faultClock, this::sendWire);
            } else {
                sendWire(wire);
            }
        }
    }

    public void sendWire(String wire) {
        if (!closed.get() && !silent) {
            outbound.add(wire);
        }
    }

    /** Faults to inject from now on ({@code clock}: where delayed messages wait). */
    public void faults(AmiFaults f, VirtualScheduler clock) {
        this.faultClock = clock;
        this.faults = f;
    }

    /** Half-open TCP: the peer is gone without a FIN; this side neither reads nor writes any more. */
    public void goSilent() {
        silent = true;
    }

    /** Flushes what is queued, then closes the socket (Logoff, shutdown). */
    public void closeAfterFlush() {
        if (!closed.get()) {
            outbound.add(CLOSE);
        }
    }

    public void closeNow() {
        if (closed.compareAndSet(false, true)) {
            outbound.add(CLOSE);
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("ami session {}: close failed", id, e);
            }
            sink.closed(this);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void readLoop() {
        try {
            AmiActionReader reader = new AmiActionReader(socket.getInputStream());
            AmiMessage action;
            while ((action = reader.read()) != null) {
                if (silent) {
                    continue;
                }
                AmiFaults f = faults;
                if (f != null) {
                    f.actionArrived(action);
                }
                sink.accept(this, action);
            }
        } catch (AmiProtocolException e) {
            log.info("ami session {}: protocol error, closing: {}", id, e.getMessage());
        } catch (IOException e) {
            log.debug("ami session {}: read ended: {}", id, e.getMessage());
        } finally {
            closeNow();
        }
    }

    @SuppressWarnings("StringEquality")
    private void writeLoop() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024)) {
            while (true) {
                String s = outbound.take();
                if (s == CLOSE) {
                    out.flush();
                    break;
                }
                out.write(s.getBytes(StandardCharsets.UTF_8));
                if (outbound.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            log.debug("ami session {}: write ended: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeNow();
        }
    }

    /** Where decoded actions go; implemented by the engine-side dispatcher. */
    public interface ActionSink {
        void accept(AmiSession session, AmiMessage action);

        void closed(AmiSession session);
    }
}
