package org.dialerd.ami;

import java.util.Optional;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.dialerd.ami.internal.DialerdPreparedEvent;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What asterisk-java's event pump hands {@link AmiGateway}: the events {@link RawEvents} already
 * translated (their {@link DialerdPreparedEvent} markers), the session's ConnectEvent and
 * DisconnectEvent, DBGet answers, and every other event through {@link AmiEventTranslator}; the
 * translated events go to the {@link SessionGate}. Runs on asterisk-java's threads (the pump; its
 * login or reconnect thread for ConnectEvent): keep it short.
 */
final class IncomingEvents implements ManagerEventListener {
    private static final Logger log = LoggerFactory.getLogger(AmiGateway.class);

    private final AmiEventTranslator translator = new AmiEventTranslator();
    private final PreparedEvents prepared;
    private final AmiMetrics metrics;
    private final SessionGate session;
    private final DbGetRequests dbGets;
    private final LedgerConnection connection;
    private final ConnectionKeeper keeper;

    IncomingEvents(PreparedEvents prepared, AmiMetrics metrics, SessionGate session, DbGetRequests dbGets,
                   LedgerConnection connection, ConnectionKeeper keeper) {
        this.prepared = prepared;
        this.metrics = metrics;
        this.session = session;
        this.dbGets = dbGets;
        this.connection = connection;
        this.keeper = keeper;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
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
            keeper.sessionUp();
        } else if (event instanceof DisconnectEvent) {
            keeper.sessionDown("AMI connection lost");
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                keeper.sessionUp(); // asterisk-java was back (ConnectEvent seen as a no-op) before we heard it had gone
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
}
