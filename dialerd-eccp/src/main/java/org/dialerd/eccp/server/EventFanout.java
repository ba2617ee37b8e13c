package org.dialerd.eccp.server;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineListener;
import org.dialerd.core.store.CallStore;
import org.dialerd.eccp.handler.call.CallInfoXml;
import org.dialerd.eccp.protocol.AgentEventXml;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine events → ECCP event packets for the sessions that should see them. Runs on its own
 * thread, in event order, so the engine never waits: agentlinked reads the call's row
 * (attributes, matching contacts, collected form data) here, off the engine thread.
 */
public final class EventFanout implements EngineListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

    private final SessionRegistry sessions;
    private final CallStore calls;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "dialerd-events");
        t.setDaemon(true);
        return t;
    });

    public EventFanout(SessionRegistry sessions, CallStore calls) {
        this.sessions = sessions;
        this.calls = calls;
    }

    @Override
    public void onEvent(AgentEvent event) {
        thread.execute(() -> {
            try {
                if (event instanceof AgentEvent.CallProgress) {
                    sessions.publishToAll(AgentEventXml.toXml(event), true);
                } else {
                    sessions.publish(event.agentNumber(), render(event), false);
                }
            } catch (RuntimeException e) {
                log.error("cannot send event {}", event, e);
            }
        });
    }

    private XmlElement render(AgentEvent event) {
        if (event instanceof AgentEvent.AgentLinked linked && linked.call().callType().equals("incoming")) {
            Optional<CallStore.IncomingCall> row = readIncoming(linked.call().callId());
            if (row.isPresent()) {
                XmlElement.Builder body = XmlElement.builder("agentlinked")
                        .add("agent_number", linked.agentNumber())
                        .add("remote_channel", linked.call().remoteChannel());
                return XmlElement.of("event", CallInfoXml.addIncomingLinked(body, row.get())
                        .add("campaignlog_id", linked.campaignLogId()).build());
            }
        }
        if (event instanceof AgentEvent.AgentLinked linked && linked.call().callType().equals("outgoing")
                && linked.call().campaignId().isPresent()) {
            Optional<CallStore.OutgoingCall> row = readOutgoing(linked.call().campaignId().get(),
                    linked.call().callId());
            if (row.isPresent()) {
                XmlElement.Builder body = XmlElement.builder("agentlinked")
                        .add("agent_number", linked.agentNumber())
                        .add("remote_channel", linked.call().remoteChannel());
                return XmlElement.of("event", CallInfoXml.addOutgoingLinked(body, row.get())
                        .add("campaignlog_id", linked.campaignLogId()).build());
            }
        }
        return AgentEventXml.toXml(event);
    }

    private Optional<CallStore.OutgoingCall> readOutgoing(long campaignId, long callId) {
        try {
            return calls.findOutgoing(campaignId, callId);
        } catch (RuntimeException e) {
            log.warn("agentlinked for call {} sent without its database details: {}", callId, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<CallStore.IncomingCall> readIncoming(long callId) {
        try {
            return calls.findIncoming(callId);
        } catch (RuntimeException e) {
            log.warn("agentlinked for call {} sent without its database details: {}", callId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
