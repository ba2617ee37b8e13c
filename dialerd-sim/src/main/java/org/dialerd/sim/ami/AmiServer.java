package org.dialerd.sim.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.sim.clock.VirtualScheduler;
import org.dialerd.sim.fault.AmiFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts manager connections and starts one {@link AmiSession} per socket. Plain blocking JDK
 * sockets: two threads per client is fine for tests, the demo and benchmark-sized loads (tens of
 * connections), and keeps the module free of dependencies.
 */
public final class AmiServer {

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

    private static final long JOIN_MILLIS = 2000;

    private final String banner;
    private final AmiSession.ActionSink sink;
    private final AtomicLong ids = new AtomicLong();
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;
    private volatile AmiFaults faults;
    private volatile VirtualScheduler faultClock;
    /** Kept while stopped, so that a restart listens on the port clients know. */
    private int lastPort = -1;

    public AmiServer(String banner, AmiSession.ActionSink sink) {
        this.banner = banner;
        this.sink = sink;
    }

    /** Binds to 127.0.0.1 ({@code port} 0 = any free port) and starts accepting. */
    public synchronized void start(InetAddress bind, int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("AMI server already started on port " + server.getLocalPort());
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bind, port), 50);
        server = s;
        lastPort = s.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(s), "ami-acceptor-" + s.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("AMI simulator listening on {}:{}", bind.getHostAddress(), s.getLocalPort());
    }

    /** The port listened on, or last listened on while a restart keeps the server down. */
    public synchronized int port() {
        if (lastPort < 0) {
            throw new IllegalStateException("AMI server not started");
        }
        return lastPort;
    }

    public synchronized boolean isListening() {
        return server != null;
    }

    /** Faults for every session, current and future. */
    public void faults(AmiFaults f, VirtualScheduler clock) {
        faultClock = clock;
        faults = f;
        sessions.forEach(session -> session.faults(f, clock));
    }

    /** Every connection drops at once (EOF, nothing flushed): what clients see when the network breaks. */
    public void dropSessions() {
        sessions.forEach(AmiSession::closeNow);
        sessions.clear();
    }

    /** Every current connection goes half-open (no FIN, no data either way). */
    public void silenceSessions() {
        sessions.forEach(AmiSession::goSilent);
    }

    /** Every connection, logged in or not, gets EOF once what is queued for it was written. */
    public void closeSessions() {
        for (AmiSession session : sessions) {
            session.closeAfterFlush();
        }
        sessions.clear();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            log.debug("AMI server: close failed", e);
        }
        server = null;
        // The JDK defers closing a socket that a thread is blocked accepting on until that thread
        // leaves accept(): wait for it, so that the port is free when a restart binds it again.
        try {
            acceptor.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (s != null && !s.isClosed()) {
            try {
                Socket socket = s.accept();
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(socket, ids.incrementAndGet(), banner, sink);
                if (faults != null) {
                    session.faults(faults, faultClock);
                }
                sessions.removeIf(AmiSession::isClosed);
                sessions.add(session);
                session.start();
            } catch (SocketException e) {
                return; // closed by stop()
            } catch (IOException e) {
                log.warn("AMI server: accept failed: {}", e.getMessage());
            }
        }
    }
}
