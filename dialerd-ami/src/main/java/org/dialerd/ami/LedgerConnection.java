package org.dialerd.ami;

import java.io.IOException;
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
        SocketConnectionFacade socket = fast.getAsBoolean()
                ? AmiSocket.connect(settings.host(), settings.port(), millis(settings.actionTimeout()),
                        millis(settings.socketReadTimeout()))
                : super.createSocket();
        return new BackPressureSocket(socket, gate, metrics::eventReceived, AmiEventLog::enabled, prepared, fast);
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
