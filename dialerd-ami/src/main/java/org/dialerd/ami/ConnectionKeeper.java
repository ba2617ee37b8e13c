package org.dialerd.ami;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link AmiGateway}'s AMI session up: logins on {@code dialerd-ami-io}, retried with a
 * doubling backoff between {@code reconnectBackoffMin} and {@code reconnectBackoffMax} while they
 * fail; a Ping every ping interval (with the socket read timeout it turns a half-open connection
 * into a drop, which asterisk-java reconnects by itself); a fresh login once the session has lasted
 * {@code asterisk.duracion_sesion}; and the session's opening and closing towards the
 * {@link SessionGate}. Logs as {@code AmiGateway}, the component operators know.
 */
final class ConnectionKeeper {
    private static final Logger log = LoggerFactory.getLogger(AmiGateway.class);

    private final AmiSettings settings;
    private final LedgerConnection connection;
    private final SessionGate session;
    private final SessionRenewal renewal;
    private final ScheduledExecutorService timer;
    private final ExecutorService io;
    private volatile boolean closed;
    private final AtomicBoolean loginQueued = new AtomicBoolean();
    private int failedLogins; // io thread only

    ConnectionKeeper(AmiSettings settings, LedgerConnection connection, SessionGate session, SessionRenewal renewal,
                     ScheduledExecutorService timer, ExecutorService io) {
        this.settings = settings;
        this.connection = connection;
        this.session = session;
        this.renewal = renewal;
        this.timer = timer;
        this.io = io;
    }

    /** The first login at once, then a tick every ping interval. */
    void start() {
        long ping = settings.pingInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, ping, ping, TimeUnit.MILLISECONDS);
        scheduleLogin(Duration.ZERO);
    }

    /** No login from now on; the session goes down once {@link #sessionDown} is called. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isConnected() {
        return !closed && session.isOpen() && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    private void scheduleLogin(Duration delay) {
        if (closed || !loginQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.schedule(() -> io.execute(this::login), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            loginQueued.set(false);
        }
    }

    /** On dialerd-ami-io: one login attempt, and the next one scheduled if it failed. */
    private void login() {
        Duration retry = null;
        try {
            ManagerConnectionState state = connection.getState();
            if (closed || (state != ManagerConnectionState.INITIAL && state != ManagerConnectionState.DISCONNECTED)) {
                return; // logged in, or asterisk-java is reconnecting by itself
            }
            connection.login("on");
            failedLogins = 0;
            sessionUp(); // normally done already by ConnectEvent
        } catch (Exception e) { // IOException, AuthenticationFailedException, TimeoutException, IllegalStateException
            failedLogins++;
            retry = backoff(failedLogins);
            session.dropHeld();
            // Once per outage at WARN; the retries (every few seconds, for as long as it lasts) at DEBUG.
            if (failedLogins == 1) {
                log.warn("AMI login to {}:{} failed: {}; retrying with backoff up to {} ms", settings.host(),
                        settings.port(), e.toString(), settings.reconnectBackoffMax().toMillis());
            } else {
                log.debug("AMI login to {}:{} failed (attempt {}): {}; next attempt in {} ms", settings.host(),
                        settings.port(), failedLogins, e.toString(), retry.toMillis());
            }
        } finally {
            loginQueued.set(false);
        }
        if (retry != null) {
            scheduleLogin(retry);
        }
    }

    Duration backoff(int failures) {
        long min = settings.reconnectBackoffMin().toMillis();
        long max = settings.reconnectBackoffMax().toMillis();
        int doublings = Math.min(failures - 1, 30);
        return Duration.ofMillis(Math.min(max, min << doublings));
    }

    /** On dialerd-ami-timer, every ping interval: keep traffic flowing, or get a login going. */
    private void tick() {
        if (isConnected()) {
            try {
                io.execute(renewal.due() ? this::renew : this::ping);
            } catch (RejectedExecutionException e) {
                // closing
            }
        } else {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED) {
                scheduleLogin(Duration.ZERO); // asterisk-java gave up reconnecting (or never logged in)
            }
        }
    }

    /** On dialerd-ami-io: the session has lasted asterisk.duracion_sesion; a fresh login replaces it. */
    private void renew() {
        log.info("AMI session is {} old (asterisk.duracion_sesion): logging off and in again", renewal.limit());
        try {
            connection.logoff();
        } catch (RuntimeException e) {
            log.warn("AMI logoff failed: {}", e.toString());
        }
        sessionDown("AMI session renewed");
        try {
            // The old socket's reader thread must be gone before the new socket is handed to
            // asterisk-java's reader (see LedgerConnection#awaitReaderEnd).
            if (!connection.awaitReaderEnd(settings.actionTimeout())) {
                log.warn("AMI reader of the old session still running after {} ms; logging in anyway",
                        settings.actionTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        login();
    }

    private void ping() {
        try {
            connection.sendAction(new PingAction(), response -> { });
        } catch (Exception e) {
            log.debug("AMI ping not sent: {}", e.toString());
        }
    }

    /** asterisk-java's ConnectEvent, or a login that returned: the session is open (once). */
    void sessionUp() {
        if (!closed && session.open(version())) {
            renewal.opened();
            log.info("AMI connected to {}:{} as {} ({})", settings.host(), settings.port(), settings.username(),
                    version());
        }
    }

    /** The connection went (or is closed on purpose): the session is down (once). */
    void sessionDown(String reason) {
        renewal.closed();
        if (session.close(reason) && !closed) {
            log.warn("{} ({}:{}); asterisk-java is reconnecting", reason, settings.host(), settings.port());
        }
    }

    private String version() {
        AsteriskVersion v = connection.getVersion();
        return v == null ? "" : v.toString();
    }
}
