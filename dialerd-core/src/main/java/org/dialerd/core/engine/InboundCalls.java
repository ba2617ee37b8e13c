package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.store.IncomingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows calls entering the monitored incoming queues (active {@code queue_call_entry} rows):
 * QueueCallerJoin → 'en-cola', AgentConnect → 'activa' + agentlinked, the caller's hangup or
 * AgentComplete → 'terminada' + agentunlinked, QueueCallerAbandon → 'abandonada'. Every
 * transition is a call_progress_log row. Runs on the engine thread; database work goes through
 * the ordered write queue, and events about a call are emitted once its row is written.
 */
final class InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
    static final String INCOMING = "incoming";

    private final AgentEngine engine;
    private final IncomingCallStore store;
    private final WriteQueue writes;
    private final Duration shortCall;
    private Map<String, IncomingCallStore.MonitoredQueue> monitored = Map.of();
    private final Map<String, LiveCall> byUniqueId = new HashMap<>();

    InboundCalls(AgentEngine engine, IncomingCallStore store, WriteQueue writes, Duration shortCall) {
        this.engine = engine;
        this.store = store;
        this.writes = writes;
        this.shortCall = shortCall;
    }

    void monitor(List<IncomingCallStore.MonitoredQueue> queues) {
        Map<String, IncomingCallStore.MonitoredQueue> next = new HashMap<>();
        queues.forEach(q -> next.putIfAbsent(q.queue(), q));
        monitored = next;
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.QueueCallerJoin e) {
            joined(e);
        } else if (event instanceof PbxEvent.AgentConnect e) {
            call(e.uniqueId(), call -> linked(call, e));
        } else if (event instanceof PbxEvent.QueueCallerAbandon e) {
            call(e.uniqueId(), this::abandoned);
        } else if (event instanceof PbxEvent.AgentComplete e) {
            call(e.uniqueId(), this::ended);
        } else if (event instanceof PbxEvent.Hangup e) {
            call(e.uniqueId(), call -> {
                if (call.agent != null) {
                    ended(call);
                } else {
                    abandoned(call);
                }
            });
        }
    }

    private void call(String uniqueId, java.util.function.Consumer<LiveCall> action) {
        LiveCall call = byUniqueId.get(uniqueId);
        if (call != null) {
            action.accept(call);
        }
    }

    private void joined(PbxEvent.QueueCallerJoin e) {
        IncomingCallStore.MonitoredQueue queue = monitored.get(e.queue());
        if (queue == null || byUniqueId.containsKey(e.uniqueId())) {
            return;
        }
        LocalDateTime now = engine.now();
        Integer campaign = IncomingCallStore.campaignAt(queue.campaigns(), now).orElse(null);
        String trunk = trunkOf(e.channel());
        var id = writes.submit("incoming call entered " + e.uniqueId(),
                () -> store.callEntered(queue.id(), campaign, e.callerIdNum(), trunk, e.uniqueId(), now));
        LiveCall call = new LiveCall(INCOMING, e.uniqueId(), e.channel(), e.callerIdNum(), e.queue(), queue.id(),
                campaign, trunk, now, id);
        byUniqueId.put(e.uniqueId(), call);
        progress(call, "OnQueue", null, null, now);
    }

    private void linked(LiveCall call, PbxEvent.AgentConnect e) {
        if (call.agent != null) {
            return;
        }
        AgentState agent = engine.memberAgent(e.iface()).orElse(null);
        LocalDateTime now = engine.now();
        call.linkStart = now;
        if (agent == null) {
            log.info("incoming call {} taken by {} which is not a tracked agent", call.uniqueId, e.iface());
            return;
        }
        call.agent = agent;
        call.agentChannel = e.destChannel();
        agent.call = call;
        int agentId = agent.agent.id();
        long wait = call.waitSeconds(now);
        writes.submit("incoming call linked " + call.uniqueId, () -> store.callLinked(call.id.join(),
                call.queueCallEntryId, agentId, call.phone, call.uniqueId, call.channel, now, wait));
        progress(call, "Success", agentId, null, now).thenAcceptAsync(logId -> {
            engine.publish(agent);
            engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
        }, engine.scheduler());
    }

    private void ended(LiveCall call) {
        if (call.agent == null) {
            byUniqueId.remove(call.uniqueId);
            call.ended = true;
            if (call.linkStart == null) {
                abandoned(call);
            }
            return;
        }
        finish(call, null);
    }

    /** The agent sent the call elsewhere: dialerd stops following it and the agent is free. */
    void transferred(LiveCall call, String extension) {
        if (!call.ended && call.agent != null) {
            finish(call, extension);
        }
    }

    /** The agent's call is over ({@code transfer}: where it was sent, or null): row, log, agentunlinked. */
    private void finish(LiveCall call, String transfer) {
        byUniqueId.remove(call.uniqueId);
        call.ended = true;
        LocalDateTime end = engine.now();
        AgentState agent = call.agent;
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        writes.submit("incoming call finished " + call.uniqueId, () -> {
            if (transfer == null) {
                store.callFinished(call.id.join(), end, duration);
            } else {
                store.callTransferred(call.id.join(), transfer, end, duration);
            }
        });
        var link = call.link();
        progress(call, "Hangup", agent.agent.id(), duration, end).thenAcceptAsync(logId -> {
            if (agent.call == call) {
                agent.call = null;
            }
            engine.publish(agent);
            engine.emit(new AgentEvent.AgentUnlinked(agent.number(), link.withId(call.knownId()), end, duration,
                    duration < shortCall.toSeconds(), logId));
        }, engine.scheduler());
    }

    private void abandoned(LiveCall call) {
        byUniqueId.remove(call.uniqueId);
        call.ended = true;
        LocalDateTime end = engine.now();
        long wait = call.waitSeconds(end);
        writes.submit("incoming call abandoned " + call.uniqueId,
                () -> store.callAbandoned(call.id.join(), end, wait));
        progress(call, "Abandoned", null, null, end);
    }

    /** The call went on hold or came back: call_entry status and the progress log. */
    void held(LiveCall call, boolean held) {
        if (call.ended) {
            return;
        }
        LocalDateTime now = engine.now();
        writes.submit("incoming call " + call.uniqueId + (held ? " held" : " resumed"),
                () -> store.callHeld(call.id.join(), held));
        progress(call, held ? "OnHold" : "OffHold", call.agent == null ? null : call.agent.agent.id(), null, now);
    }

    /** A call a previous run followed (dialerd restarted): followed from here on. */
    void adopt(LiveCall call) {
        byUniqueId.put(call.uniqueId, call);
    }

    /** Every call followed (uniqueid, channel), for a resync to check against Asterisk. */
    void followed(java.util.function.BiConsumer<String, String> into) {
        byUniqueId.forEach((id, call) -> into.accept(id, call.channel));
    }

    /** dialerd stops: calls still live end as 'fin-monitoreo' (the reference's LostTrack). */
    void lostTrackOfAll() {
        LocalDateTime end = engine.now();
        for (LiveCall call : new ArrayList<>(byUniqueId.values())) {
            writes.submit("incoming call lost track " + call.uniqueId, () -> store.callLostTrack(call.id.join(), end));
        }
        byUniqueId.clear();
    }

    /** Writes the call_progress_log row, then sends callprogress; completes with the row's id. */
    private java.util.concurrent.CompletableFuture<Long> progress(LiveCall call, String status, Integer agentId,
                                                              Long duration, LocalDateTime when) {
        return writes.submit("progress " + status + " of " + call.uniqueId, () -> store.progress(call.id.join(),
                call.campaignId, status, call.uniqueId, call.trunk, agentId, duration, when))
                .thenApplyAsync(logId -> {
                    engine.emit(new AgentEvent.CallProgress(call.agent == null ? null : call.agent.number(), when,
                            INCOMING, call.campaignId, call.knownId(), status, 0, call.uniqueId, call.trunk,
                            call.phone, call.queue));
                    return logId;
                }, engine.scheduler());
    }

    /** {@code DAHDI/1-1} → {@code DAHDI/1}; {@code SIP/proveedor-0000001a} → {@code SIP/proveedor}. */
    static String trunkOf(String channel) {
        String name = channel;
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        int dash = name.lastIndexOf('-');
        return dash > name.indexOf('/') && dash > 0 ? name.substring(0, dash) : name;
    }
}
