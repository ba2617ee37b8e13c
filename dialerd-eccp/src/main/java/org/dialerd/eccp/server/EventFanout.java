package org.dialerd.eccp.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineListener;
import org.dialerd.core.store.CallStore;
import org.dialerd.eccp.handler.call.CallInfoXml;
import org.dialerd.eccp.protocol.AgentEventXml;
import org.dialerd.eccp.protocol.PreviewXml;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine events → ECCP event packets for the sessions that should see them, in event order.
 * Nothing here touches the database: every event is built from the engine's state, and
 * agentlinked adds the details {@link LinkedCallDetails} read ahead (waiting a bounded time for
 * them, never for a database that is down).
 *
 * <p>Threads: an event that renders from the engine's state alone (callprogress, agent status
 * events: all but agentlinked and the preview offer) is encoded and written on the caller's
 * thread (the engine's) when nothing is pending on the {@code dialerd-events} thread: encoding
 * once and handing the bytes to the receivers' event loops takes microseconds, and a hop to
 * another thread per event was one wake-up more on the AMI event → ECCP event path. Events that
 * wait for details, everything behind them and {@link #afterDelivered} tasks go through
 * {@code dialerd-events}, in order, so the engine never waits for a read.
 */
public final class EventFanout implements EngineListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

    private final SessionRegistry sessions;
    private final LinkedCallDetails details;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "dialerd-events");
        t.setDaemon(true);
        return t;
    });
    /** The last event's delivery: the next one goes after it (touched only on the events thread). */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /**
     * Events and tasks handed to the events thread and not done yet: while any is, later events
     * queue behind them. Changed under {@code this} when handed over, so an event delivered on
     * the caller and an {@link #afterDelivered} task never overlap.
     */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong deliveredOnCaller = new AtomicLong();

    public EventFanout(SessionRegistry sessions, CallStore calls) {
        this.sessions = sessions;
        this.details = new LinkedCallDetails(calls);
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (thread.isShutdown()) {
            // Daemon stop: the ECCP listener and its sessions are gone before the engine closes
            // the open breaks and sessions, whose events have nobody to go to.
            log.debug("not sent, event fan-out closed: {}", event);
            return;
        }
        try {
            fanOut(event);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("not sent, event fan-out closed meanwhile: {}", event);
        }
    }

    private void fanOut(AgentEvent event) {
        synchronized (this) {
            if (pending.get() == 0 && rendersAtOnce(event)) {
                deliverOnCaller(event);
                return;
            }
            pending.incrementAndGet();
        }
        try {
            thread.execute(() -> queued(event));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /** Everything but what waits for details read on another thread. */
    private static boolean rendersAtOnce(AgentEvent event) {
        return !(event instanceof AgentEvent.AgentLinked) && !(event instanceof AgentEvent.PreviewOffered);
    }

    private void deliverOnCaller(AgentEvent event) {
        deliveredOnCaller.incrementAndGet();
        try {
            if (event instanceof AgentEvent.CallProgress progress) {
                details.onProgress(progress);
            }
            deliver(event, AgentEventXml.toXml(event));
        } catch (RuntimeException error) {
            log.error("cannot send event {}", event, error);
        }
    }

    /** On the events thread. */
    private void queued(AgentEvent event) {
        CompletableFuture<XmlElement> rendered;
        try {
            if (event instanceof AgentEvent.CallProgress progress) {
                details.onProgress(progress);
            }
            rendered = render(event);
        } catch (RuntimeException error) {
            log.error("cannot send event {}", event, error);
            pending.decrementAndGet();
            return;
        }
        if (tail.isDone() && rendered.isDone()) {
            // Nothing before it is pending: deliver now rather than behind every event queued
            // meanwhile (thenAcceptAsync would put the delivery at the back of this queue).
            deliverNow(event, rendered);
            pending.decrementAndGet();
            return;
        }
        tail = tail.thenCompose(v -> rendered)
                .thenAcceptAsync(xml -> deliver(event, xml), thread)
                .exceptionally(error -> {
                    log.error("cannot send event {}", event, error);
                    return null;
                })
                .whenComplete((v, error) -> pending.decrementAndGet());
    }

    /** Events and tasks on the events thread not done yet. */
    int pendingDeliveries() {
        return pending.get();
    }

    /** Events written on the caller's thread rather than the events thread, so far. */
    long deliveredOnCaller() {
        return deliveredOnCaller.get();
    }

    /**
     * Runs {@code task} on the events thread once every event received so far has been delivered:
     * what it reads of the engine's state is then never older than the events sent before it
     * (WebSocket snapshots).
     */
    public void afterDelivered(Runnable task) {
        synchronized (this) {
            pending.incrementAndGet();
        }
        thread.execute(() -> tail = tail.thenRunAsync(task, thread).exceptionally(error -> {
            log.error("task after events failed", error);
            return null;
        }).whenComplete((v, error) -> pending.decrementAndGet()));
    }

    private void deliverNow(AgentEvent event, CompletableFuture<XmlElement> rendered) {
        try {
            deliver(event, rendered.join());
        } catch (RuntimeException error) {
            log.error("cannot send event {}", event, error);
        }
    }

    private void deliver(AgentEvent event, XmlElement xml) {
        if (event instanceof AgentEvent.CallProgress) {
            sessions.publishToAll(xml, true);
        } else if (event instanceof AgentEvent.SpyEvent spy) {
            // The supervisor's sessions only: the agent's console must not learn it is listened to.
            sessions.publishToClient(spy.supervisor(), xml);
        } else {
            sessions.publish(event.agentNumber(), xml, false);
        }
    }

    private CompletableFuture<XmlElement> render(AgentEvent event) {
        if (event instanceof AgentEvent.AgentLinked linked) {
            return details.linked(linked).thenApply(call -> linkedXml(linked, call));
        }
        if (event instanceof AgentEvent.PreviewOffered offered) {
            return details.outgoing(offered.offer().campaignId(), offered.offer().callId())
                    .thenApply(row -> PreviewXml.offered(offered, row
                            .map(r -> CallInfoXml.outgoingAttributes((CallStore.OutgoingCall) r))
                            .orElseGet(() -> XmlElement.builder("call_attributes").build())));
        }
        return CompletableFuture.completedFuture(AgentEventXml.toXml(event));
    }

    /** Package-private for the event serialization benchmark (dialerd-jmh). */
    static XmlElement linkedXml(AgentEvent.AgentLinked linked, Optional<Object> call) {
        XmlElement.Builder body = XmlElement.builder("agentlinked")
                .add("agent_number", linked.agentNumber())
                .add("remote_channel", linked.call().remoteChannel());
        Object described = call.orElseThrow();
        if (described instanceof CallStore.IncomingCall incoming) {
            CallInfoXml.addIncomingLinked(body, incoming);
        } else {
            CallInfoXml.addOutgoingLinked(body, (CallStore.OutgoingCall) described);
        }
        return XmlElement.of("event", body.add("campaignlog_id", linked.campaignLogId()).build());
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        details.close();
    }
}
