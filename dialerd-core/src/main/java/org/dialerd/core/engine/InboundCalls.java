package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.store.IncomingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows calls entering the monitored incoming queues (active {@code queue_call_entry} rows):
 * QueueCallerJoin → 'en-cola', AgentConnect → 'activa' + agentlinked, the caller's hangup or
 * AgentComplete → 'terminada' + agentunlinked, QueueCallerAbandon → 'abandonada'. Every
 * transition is a call_progress_log row. Runs on the engine thread. Rows get ids dialerd assigns
 * and are written through the journal; events are sent at once from the engine's state, whether
 * the database is up or not.
 */
final class InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
    static final String INCOMING = "incoming";
    /** The final status of a call still live when dialerd stops (call_entry 'fin-monitoreo'). */
    static final String LOST_TRACK = "LostTrack";

    private final AgentEngine engine;
    private final EngineWrites writes;
    private Map<String, IncomingCallStore.MonitoredQueue> monitored = Map.of();
    private final Map<String, LiveCall> byUniqueId = new HashMap<>();

    /** Incoming calls followed. Engine thread. */
    int followed() {
        return byUniqueId.size();
    }

    InboundCalls(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
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
            call(e.uniqueId(), this::ended); // answered or abandoned: ended() tells them apart
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
        long id = writes.newId(IdTable.CALL_ENTRY);
        writes.write(new JournalRecord.IncomingEntered(id, queue.id(), campaign, e.callerIdNum(), trunk, e.uniqueId(),
                now));
        LiveCall call = new LiveCall(INCOMING, e.uniqueId(), e.channel(), e.callerIdNum(), e.queue(), queue.id(),
                campaign, trunk, now, id, new CallMeter(engine.metrics, INCOMING));
        byUniqueId.put(e.uniqueId(), call);
        call.meter.enter(CallPhase.QUEUED);
        progress(call, "OnQueue", null, null, now);
    }

    private void linked(LiveCall call, PbxEvent.AgentConnect e) {
        if (call.agent != null) {
            return;
        }
        AgentState agent = engine.memberAgent(e.iface()).orElse(null);
        LocalDateTime now = engine.now();
        call.linkStart = now;
        call.meter.enter(CallPhase.TALKING);
        if (agent == null) {
            log.debug("incoming call {} taken by {} which is not a tracked agent", call.uniqueId, e.iface());
            return;
        }
        call.agent = agent;
        call.agentChannel = e.destChannel();
        agent.call = call;
        int agentId = agent.agent.id();
        long wait = call.waitSeconds(now);
        writes.write(new JournalRecord.IncomingLinked(call.id, writes.newId(IdTable.CURRENT_CALL_ENTRY),
                call.queueCallEntryId, agentId, call.phone, call.uniqueId, call.channel, now, wait));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    private void ended(LiveCall call) {
        if (call.agent == null) {
            byUniqueId.remove(call.uniqueId);
            call.ended = true;
            if (call.linkStart == null) {
                abandoned(call);
            } else {
                // Taken by a member dialerd does not track (or no longer does: its logout crossed
                // the AgentConnect): the caller was served, so the row ends 'terminada'.
                call.meter.finish(CallStatus.SUCCESS.wireName());
                writes.write(new JournalRecord.IncomingFinished(call.id, null, engine.now(),
                        Math.max(0, Duration.between(call.linkStart, engine.now()).toSeconds())));
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
        call.meter.finish(CallStatus.SUCCESS.wireName()); // incoming calls are never short
        writes.write(new JournalRecord.IncomingFinished(call.id, transfer, end, duration));
        var link = call.link();
        long logId = progress(call, "Hangup", agent.agent.id(), duration, end);
        if (agent.call == call) {
            agent.call = null;
        }
        engine.publish(agent);
        // Never short: only outgoing calls can end ShortCall (ShortCallRule, docs/protocol.md).
        engine.emit(new AgentEvent.AgentUnlinked(agent.number(), link, end, duration, false, logId));
    }

    private void abandoned(LiveCall call) {
        byUniqueId.remove(call.uniqueId);
        call.ended = true;
        LocalDateTime end = engine.now();
        long wait = call.waitSeconds(end);
        call.meter.finish(CallStatus.ABANDONED.wireName());
        writes.write(new JournalRecord.IncomingAbandoned(call.id, end, wait));
        progress(call, "Abandoned", null, null, end);
    }

    /** The call went on hold or came back: call_entry status and the progress log. */
    void held(LiveCall call, boolean held) {
        if (call.ended) {
            return;
        }
        LocalDateTime now = engine.now();
        call.meter.enter(held ? CallPhase.ON_HOLD : CallPhase.TALKING);
        writes.write(new JournalRecord.IncomingHeld(call.id, held));
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
            call.meter.finish(LOST_TRACK);
            writes.write(new JournalRecord.IncomingLostTrack(call.id, end));
        }
        byUniqueId.clear();
    }

    /** Writes the call_progress_log row and sends callprogress; returns the row's id. */
    private long progress(LiveCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, true, call.campaignId, call.id, status, 0, call.uniqueId,
                call.trunk, agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent == null ? null : call.agent.number(), when, INCOMING,
                call.campaignId, call.id, status, 0, call.uniqueId, call.trunk, call.phone, call.queue));
        return logId;
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
