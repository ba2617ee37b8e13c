package org.dialerd.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's connection with one look at every response before it is matched: whether
 * dialerd is waiting for it ({@link ResponseLedger}). asterisk-java still handles it as before.
 * Its socket reads through the {@link IngestGate}, which the pump's deliveries (these
 * {@code dispatch…} methods run on its thread) keep informed, skips {@link NoiseEvents}
 * (counted in {@code metrics} under their name as if they had arrived) and, while {@code fast}
 * says so, translates the {@link RawEvents} itself ({@link PreparedEvents}) and reads the socket
 * with our own line reader ({@link AmiSocket}) instead of asterisk-java's.
 */
final class LedgerConnection extends ManagerConnectionImpl {
    private final AmiSettings settings;
    private final ResponseLedger ledger;
    private final IngestGate gate;
    private final AmiMetrics metrics;
    /** The socket of the latest connect. */
    private volatile BackPressureSocket socket;
    private final PreparedEvents prepared;
    private final BooleanSupplier fast;

    LedgerConnection(AmiSettings settings, ResponseLedger ledger, IngestGate gate, AmiMetrics metrics,
                     PreparedEvents prepared, BooleanSupplier fast) {
        this.settings = settings;
        this.ledger = ledger;
        this.gate = gate;
        this.metrics = metrics;
        this.prepared = prepared;
        this.fast = fast;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }

    @Override
    public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
        if (response != null) {
            ledger.arrived(response.getActionId());
        }
        super.dispatchResponse(response, requiredHandlingTime);
        gate.packetDispatched();
    }

    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        super.dispatchEvent(event, requiredHandlingTime);
        gate.packetDispatched();
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        SocketConnectionFacade raw = fast.getAsBoolean()
                ? AmiSocket.connect(settings.host(), settings.port(), millis(settings.actionTimeout()),
                        millis(settings.socketReadTimeout()))
                : super.createSocket();
        BackPressureSocket created = new BackPressureSocket(raw, gate, metrics::eventReceived, AmiEventLog::enabled,
                prepared, fast);
        socket = created;
        return created;
    }

    /**
     * Waits until the thread that read the latest socket has ended; false if it still runs after
     * {@code timeout}. asterisk-java keeps one reader object for the connection's life and, on the
     * next login, hands it the new socket and starts a new thread on it; a reader thread of the
     * old socket that has not ended yet then reads the new socket too, the two split its packets
     * between them, and both die on a half packet (NullPointerException in ResponseBuilderImpl),
     * leaving a login that waits for answers nobody reads. A login right after a logoff (the
     * session renewal) must therefore wait for this first.
     */
    boolean awaitReaderEnd(Duration timeout) throws InterruptedException {
        BackPressureSocket last = socket;
        Thread reader = last == null ? null : last.reader();
        if (reader == null || reader == Thread.currentThread()) {
            return true;
        }
        reader.join(Math.max(1, timeout.toMillis()));
        return !reader.isAlive();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
