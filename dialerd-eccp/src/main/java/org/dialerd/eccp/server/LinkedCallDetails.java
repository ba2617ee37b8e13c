package org.dialerd.eccp.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CallStore.Contact;
import org.dialerd.core.store.CallStore.IncomingCall;
import org.dialerd.core.store.CallStore.OutgoingCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agentlinked carries beyond the engine's state, read ahead on a thread of its own: the
 * contacts matching an incoming caller (read when the call enters the queue) and an outgoing
 * call's attributes and collected form data (read when the dialer places it; they come from
 * the campaign's CSV and do not change while it rings). agentlinked waits at most
 * {@link #MAX_WAIT_MILLIS} for a read still running, and never for a database that is down:
 * the details are then omitted, with a WARN.
 */
final class LinkedCallDetails implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkedCallDetails.class);
    static final long MAX_WAIT_MILLIS = 500;
    private static final int MAX_CALLS = 10_000;
    private static final Set<String> FINAL = Set.of("Hangup", "Abandoned", "Failure", "NoAnswer");

    private record Key(String type, long callId) {}

    private record Ahead(long retry, CompletableFuture<Optional<Object>> details) {}

    private final CallStore calls;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dialerd-event-details");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Key, Ahead> ahead = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Ahead> eldest) {
            return size() > MAX_CALLS;
        }
    };

    LinkedCallDetails(CallStore calls) {
        this.calls = calls;
    }

    /** Starts the read for a call that is entering a queue or being dialled; forgets finished calls. */
    void onProgress(AgentEvent.CallProgress e) {
        Key key = new Key(e.campaignType(), e.callId());
        if (FINAL.contains(e.newStatus())) {
            ahead.remove(key);
            return;
        }
        if (ahead.containsKey(key)) {
            return;
        }
        if (e.campaignType().equals("incoming") && e.newStatus().equals("OnQueue")) {
            ahead.put(key, new Ahead(0, read(e.callId(), () -> calls.contactsByPhone(e.phone()))));
        } else if (e.campaignType().equals("outgoing") && e.newStatus().equals("Placing") && e.campaignId() != null) {
            ahead.put(key, new Ahead(e.retry(), read(e.callId(),
                    () -> calls.findOutgoing(e.campaignId(), e.callId()).orElse(null))));
        }
    }

    private CompletableFuture<Optional<Object>> read(long callId, java.util.function.Supplier<Object> query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Optional.ofNullable(query.get());
            } catch (RuntimeException e) {
                log.warn("call {}: details for agentlinked not read ({}); the event goes without them", callId,
                        e.getMessage());
                return Optional.empty();
            }
        }, reader);
    }

    /** An outgoing call's row (its attributes, for previewcall), read on this thread; empty after 500 ms. */
    CompletableFuture<Optional<Object>> outgoing(int campaignId, long callId) {
        return read(callId, () -> calls.findOutgoing(campaignId, callId).orElse(null))
                .completeOnTimeout(Optional.empty(), MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The call as agentlinked describes it, once its details are read (or given up on). */
    CompletableFuture<Optional<Object>> linked(AgentEvent.AgentLinked e) {
        CallLink link = e.call();
        Ahead known = ahead.get(new Key(link.callType(), link.callId()));
        CompletableFuture<Optional<Object>> details = known == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : known.details().thenApply(d -> d).completeOnTimeout(Optional.empty(), MAX_WAIT_MILLIS,
                        TimeUnit.MILLISECONDS);
        long retry = known == null ? 0 : known.retry();
        return details.thenApply(d -> {
            if (d.isEmpty()) {
                log.warn("agentlinked for {} call {} sent without its contacts, attributes or form data",
                        link.callType(), link.callId());
            }
            return Optional.of(link.callType().equals("incoming") ? incoming(link, d) : outgoing(link, retry, d));
        });
    }

    @SuppressWarnings("unchecked")
    private static IncomingCall incoming(CallLink link, Optional<Object> details) {
        List<Contact> contacts = details.map(d -> (List<Contact>) d).orElse(List.of());
        return new IncomingCall(link.callId(), link.campaignId().map(Integer::longValue).orElse(null), link.phone(),
                "activa", link.uniqueId(), null, link.joined(), link.linkStart(), null, link.trunk(), link.queue(),
                null, Optional.empty(), contacts, List.of());
    }

    private static OutgoingCall outgoing(CallLink link, long retry, Optional<Object> details) {
        Optional<OutgoingCall> row = details.map(OutgoingCall.class::cast);
        return new OutgoingCall(link.callId(), link.campaignId().orElse(0), link.phone(), "Success", link.uniqueId(),
                null, link.dialStart().orElse(null), link.dialEnd().orElse(null), link.joined(), link.linkStart(),
                null, retry, null, null, null, link.trunk(),
                row.map(OutgoingCall::attributes).orElse(List.of()), row.map(OutgoingCall::survey).orElse(List.of()));
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
