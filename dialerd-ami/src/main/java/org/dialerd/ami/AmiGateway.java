package org.dialerd.ami;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.dialerd.ami.internal.AgentLogoffFixedEvent;
import org.dialerd.ami.internal.AgentsFixedEvent;
import org.dialerd.ami.internal.DialerdPreparedEvent;
import org.dialerd.ami.internal.MixMonitorMuteEvent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBX over one asterisk-java {@link ManagerConnection}.
 *
 * <p>Lifecycle: {@link #start()} returns at once; logins run on our {@code dialerd-ami-io}
 * thread and, while they fail, are retried with a doubling backoff between
 * {@code reconnectBackoffMin} and {@code reconnectBackoffMax}. After a successful login
 * asterisk-java itself reconnects whenever the socket drops (first every 50 ms, then every
 * 5 s); a socket read timeout plus a periodic Ping turns a half-open TCP connection into such a
 * drop. asterisk-java's {@code ConnectEvent} is the "ready" signal (events of the new session can
 * precede it; they are held back until {@link PbxEvent.Connected} is out).
 *
 * <p>Threads: asterisk-java's event pump translates and hands over to {@link EventDispatcher};
 * listeners and reply futures run one at a time in wire order: an event on the pump's thread when
 * nothing is ahead of it, everything else (replies, timeouts, Connected) on one
 * {@code dialerd-ami-events} thread. Listeners must return at once. Actions are written by
 * {@code dialerd-ami-io}, so {@link #send} never blocks; timeouts run on {@code dialerd-ami-timer}.
 * Never wait for a reply on the events thread: the reply is queued behind you.
 */
public final class AmiGateway implements PbxGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiGateway.class);

    static final String NO_CONNECTION = "No AMI connection";
    private static final Duration CLOSE_STEP_TIMEOUT = Duration.ofSeconds(5);

    private final AmiSettings settings;
    private final ResponseLedger ledger;
    private final LedgerConnection connection;
    private final AmiEventTranslator translator = new AmiEventTranslator();
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final IngestGate ingest = new IngestGate(dispatcher::queued);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("dialerd-ami-timer"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(new DaemonThreads("dialerd-ami-io"));
    private final PendingReplies pending;
    private final DbGetRequests dbGets = new DbGetRequests(dispatcher);
    private final ManagerEventListener eventListener = this::onManagerEvent;
    private final AmiMetrics metrics;
    private final PreparedEvents prepared = new PreparedEvents();
    /**
     * Whether the busiest events are translated from their raw lines ({@link RawEvents}); on unless
     * the JVM runs with {@code -D}{@value #RAW_EVENTS_PROPERTY}{@code =false} (to compare, or should
     * the raw path ever be suspected). Tests switch it to compare both paths.
     */
    private volatile boolean rawEvents = !"false".equalsIgnoreCase(System.getProperty(RAW_EVENTS_PROPERTY, "true"));
    /** System property switching {@link RawEvents} off. */
    public static final String RAW_EVENTS_PROPERTY = "dialerd.ami.raw_events";

    private final SessionGate session;
    private final SessionRenewal renewal = new SessionRenewal(System::nanoTime);
    private volatile boolean closed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean loginQueued = new AtomicBoolean();
    private int failedLogins; // io thread only

    public AmiGateway(AmiSettings settings) {
        this(settings, AmiMetrics.NONE);
    }

    /** {@code metrics} counts events received, times actions and counts responses nobody waits for. */
    public AmiGateway(AmiSettings settings, AmiMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ledger = new ResponseLedger(metrics);
        this.pending = new PendingReplies(timer, dispatcher, ledger, metrics, System::nanoTime);
        this.session = new SessionGate(dispatcher, pending);
        this.connection = new LedgerConnection(settings, ledger, ingest, metrics, prepared, () -> rawEvents);
        int actionMillis = (int) Math.min(Integer.MAX_VALUE, settings.actionTimeout().toMillis());
        connection.setSocketTimeout(actionMillis);
        connection.setSocketReadTimeout((int) settings.socketReadTimeout().toMillis());
        connection.setKeepAliveAfterAuthenticationFailure(true);
        connection.setDefaultResponseTimeout(actionMillis); // bounds each login step
        connection.setDefaultEventTimeout(actionMillis);
        connection.registerUserEventClass(AgentsFixedEvent.class);
        connection.registerUserEventClass(AgentLogoffFixedEvent.class);
        connection.registerUserEventClass(MixMonitorMuteEvent.class);
        connection.registerUserEventClass(DialerdPreparedEvent.class);
    }

    /**
     * Off: every event goes through asterisk-java's beans and {@link AmiEventTranslator}, as
     * before {@link RawEvents}; for the tests that check both paths give the same records.
     */
    void translateRawEvents(boolean on) {
        rawEvents = on;
    }

    /** Events translated from their raw lines so far. */
    int preparedEvents() {
        return (int) prepared.prepared();
    }

    /** Starts connecting in the background; returns at once. A second call does nothing. */
    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("AMI gateway closed");
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        log.info("AMI gateway starting: {}", settings);
        connection.addEventListener(eventListener);
        long ping = settings.pingInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, ping, ping, TimeUnit.MILLISECONDS);
        scheduleLogin(Duration.ZERO);
    }

    /** valor_config asterisk.duracion_sesion: renew the session after this long; zero = never. */
    public void renewSessionsEvery(Duration limit) {
        renewal.every(limit);
    }

    @Override
    public boolean isConnected() {
        return !closed && session.isOpen() && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    @Override
    public void addListener(Consumer<PbxEvent> listener) {
        dispatcher.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public CompletableFuture<PbxReply> send(PbxAction action) {
        Objects.requireNonNull(action, "action");
        if (!isConnected()) {
            return CompletableFuture.failedFuture(new PbxException(NO_CONNECTION));
        }
        ManagerAction request;
        try {
            request = AmiActions.toManagerAction(action);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new PbxException("AMI cannot send " + action + ": " + e, e));
        }
        PendingReplies.Pending reply = pending.register(AmiActions.name(action), settings.actionTimeout());
        try {
            io.execute(() -> write(action, request, reply));
        } catch (RejectedExecutionException e) {
            reply.fail(new PbxException(NO_CONNECTION, e));
        }
        return reply.future;
    }

    /** Responses that came for an ActionID no action was waiting for (dropped). */
    public long unknownResponses() {
        return ledger.unknownResponses();
    }

    /** Responses that came after their action had timed out (dropped). */
    public long lateResponses() {
        return ledger.lateResponses();
    }

    /**
     * What the gateway holds per action now: replies not ended yet, responses expected by the
     * ledger, and timed-out ActionIDs it remembers (bounded). Each returns to a small number
     * when traffic stops; the soak samples them.
     */
    public Backlog backlog() {
        int[] ledgerSizes = ledger.sizes();
        return new Backlog(pending.size(), ledgerSizes[0], ledgerSizes[1]);
    }

    /** See {@link #backlog()}. */
    public record Backlog(int replies, int expectedResponses, int rememberedTimeouts) {}

    /** Actions whose answer did not come within the action timeout. */
    public long timedOutActions() {
        return ledger.timeouts();
    }

    /** Times reading the AMI socket paused because events were arriving faster than they were handled. */
    public long backPressurePauses() {
        return ingest.pauses();
    }

    /** Logs off, fails what is pending, delivers the last events; each step bounded in time. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("AMI gateway closing");
        timer.shutdownNow();
        io.shutdown();
        awaitQuietly(io, "io");
        connection.removeEventListener(eventListener);
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                log.warn("AMI logoff failed: {}", e.toString());
            }
        }
        sessionDown("AMI gateway closed");
        dispatcher.shutdown(CLOSE_STEP_TIMEOUT);
        log.info("AMI gateway closed");
    }

    // ---- connection keeping ------------------------------------------------------------

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

    // ---- events ------------------------------------------------------------------------

    /** On asterisk-java's threads (event pump; login/reconnect thread for ConnectEvent): keep it short. */
    private void onManagerEvent(ManagerEvent event) {
        if (event instanceof DialerdPreparedEvent marker) {
            PreparedEvents.Prepared ready = prepared.take(marker);
            if (ready != null) {
                metrics.eventReceived(ready.countedAs());
                session.event(ready.event());
            }
            return;
        }
        AmiEventLog.received(event);
        metrics.eventReceived(AmiEventNames.of(event));
        if (event instanceof ConnectEvent) {
            sessionUp();
        } else if (event instanceof DisconnectEvent) {
            sessionDown("AMI connection lost");
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                sessionUp(); // asterisk-java was back (ConnectEvent seen as a no-op) before we heard it had gone
            }
        } else if (!dbGets.offer(event)) {
            Optional<PbxEvent> translated;
            try {
                translated = translator.translate(event);
            } catch (RuntimeException e) {
                log.warn("AMI event {} not translated: {}", event.getClass().getSimpleName(), e.toString());
                return;
            }
            translated.ifPresent(session::event);
        }
    }

    private void sessionUp() {
        if (!closed && session.open(version())) {
            renewal.opened();
            log.info("AMI connected to {}:{} as {} ({})", settings.host(), settings.port(), settings.username(),
                    version());
        }
    }

    private void sessionDown(String reason) {
        renewal.closed();
        if (session.close(reason) && !closed) {
            log.warn("{} ({}:{}); asterisk-java is reconnecting", reason, settings.host(), settings.port());
        }
    }

    private String version() {
        AsteriskVersion v = connection.getVersion();
        return v == null ? "" : v.toString();
    }

    // ---- actions -----------------------------------------------------------------------

    /** On dialerd-ami-io. asterisk-java calls back on its event pump: hand straight to the dispatcher. */
    private void write(PbxAction action, ManagerAction request, PendingReplies.Pending reply) {
        if (reply.isDone()) {
            return; // timed out while queued
        }
        String name = AmiActions.name(action);
        if (request.getActionId() == null || request.getActionId().isEmpty()) {
            request.setActionId((request instanceof DbGetAction ? DbGetRequests.ACTION_ID_PREFIX : "dialerd-")
                    + reply.id);
        }
        reply.actionId = request.getActionId();
        ledger.expect(reply.actionId);
        try {
            if (request instanceof DbGetAction dbGet) {
                dbGets.send(connection, dbGet, reply);
            } else if (AmiActions.isList(action) && request instanceof EventGeneratingAction list) {
                connection.sendEventGeneratingAction(list, events -> dispatcher.run(() ->
                        AmiReplies.fromList(events, list.getActionCompleteEventClass()).ifPresentOrElse(
                                reply::complete,
                                () -> reply.fail(new PbxNoAnswerException("AMI connection lost before the answer to "
                                        + name)))));
            } else {
                connection.sendAction(request, response -> dispatcher.run(() -> {
                    if (response == null) {
                        reply.fail(new PbxNoAnswerException("AMI connection lost before the answer to " + name));
                    } else {
                        reply.complete(AmiReplies.fromResponse(response));
                    }
                }));
            }
        } catch (IllegalStateException e) {
            ledger.forget(reply.actionId);
            reply.fail(new PbxException(NO_CONNECTION, e));
        } catch (Exception e) {
            ledger.forget(reply.actionId);
            reply.fail(new PbxException("AMI could not send " + name + ": " + e, e));
        }
    }

    private static void awaitQuietly(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(CLOSE_STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("AMI {} thread still busy after {} ms", what, CLOSE_STEP_TIMEOUT.toMillis());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
