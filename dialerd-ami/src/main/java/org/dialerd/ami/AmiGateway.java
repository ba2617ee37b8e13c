package org.dialerd.ami;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.dialerd.ami.internal.AgentLogoffFixedEvent;
import org.dialerd.ami.internal.AgentsFixedEvent;
import org.dialerd.ami.internal.DialerdPreparedEvent;
import org.dialerd.ami.internal.MixMonitorMuteEvent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxGateway;
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
 *
 * <p>Parts: {@link ConnectionKeeper} (logins, backoff, Ping, session renewal, the session's
 * opening and closing), {@link IncomingEvents} (what the pump delivers, translated),
 * {@link ActionWriter} (actions written, replies completed); this class wires them and is the
 * {@link PbxGateway}.
 */
public final class AmiGateway implements PbxGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiGateway.class);

    static final String NO_CONNECTION = "No AMI connection";
    private static final Duration CLOSE_STEP_TIMEOUT = Duration.ofSeconds(5);

    private final AmiSettings settings;
    private final ResponseLedger ledger;
    private final LedgerConnection connection;
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final IngestGate ingest = new IngestGate(dispatcher::queued);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("dialerd-ami-timer"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(new DaemonThreads("dialerd-ami-io"));
    private final PendingReplies pending;
    private final DbGetRequests dbGets = new DbGetRequests(dispatcher);
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
    private final ConnectionKeeper keeper;
    private final IncomingEvents events;
    private final ActionWriter writer;
    private final AtomicBoolean started = new AtomicBoolean();

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
        this.keeper = new ConnectionKeeper(settings, connection, session, renewal, timer, io);
        this.events = new IncomingEvents(prepared, metrics, session, dbGets, connection, keeper);
        this.writer = new ActionWriter(connection, ledger, dbGets, dispatcher);
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
        if (keeper.isClosed()) {
            throw new IllegalStateException("AMI gateway closed");
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        log.info("AMI gateway starting: {}", settings);
        connection.addEventListener(events);
        keeper.start();
    }

    /** valor_config asterisk.duracion_sesion: renew the session after this long; zero = never. */
    public void renewSessionsEvery(Duration limit) {
        renewal.every(limit);
    }

    @Override
    public boolean isConnected() {
        return keeper.isConnected();
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
            io.execute(() -> writer.write(action, request, reply));
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
        if (keeper.isClosed()) {
            return;
        }
        keeper.close();
        log.info("AMI gateway closing");
        timer.shutdownNow();
        io.shutdown();
        awaitQuietly(io, "io");
        connection.removeEventListener(events);
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                log.warn("AMI logoff failed: {}", e.toString());
            }
        }
        keeper.sessionDown("AMI gateway closed");
        dispatcher.shutdown(CLOSE_STEP_TIMEOUT);
        log.info("AMI gateway closed");
    }

    /** The pause before login attempt {@code failures + 1} (tests). */
    Duration backoff(int failures) {
        return keeper.backoff(failures);
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
