package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a run that did not stop cleanly left in progress, taken over at the first resync.
 * Each is followed again from its row: found in Asterisk's channel list by its uniqueid (the
 * one dialerd assigned, for campaign calls), or for a campaign call still dialling (no uniqueid
 * in its row yet) by the ID_CALL channel variable of a channel whose uniqueid is not
 * Asterisk's own. A call still up goes on as if dialerd had never stopped (its agent, once
 * taken over, is on it; its hangup gives agentunlinked and the final row). A call gone ends
 * as its Hangup would end it, with the right status: linked calls finished, waiting ones
 * abandoned, dialling ones failed. A click-to-call still up is followed by
 * {@link ClickToCallRecovery} instead of the dialer. Engine thread only.
 */
final class CallTakeover {
    private static final Logger log = LoggerFactory.getLogger(CallTakeover.class);
    /** Asterisk's own uniqueids are {@code <epoch>.<sequence>}; dialerd's are not. */
    private static final Pattern ASTERISK_UNIQUEID = Pattern.compile("\\d+\\.\\d+");

    private final AgentEngine engine;
    private List<OutgoingCallStore.UnfinishedCall> outgoing = List.of();
    private List<IncomingCallStore.UnfinishedCall> incoming = List.of();

    CallTakeover(AgentEngine engine) {
        this.engine = engine;
    }

    void inherit(List<OutgoingCallStore.UnfinishedCall> outgoingCalls, List<IncomingCallStore.UnfinishedCall> incomingCalls) {
        outgoing = List.copyOf(outgoingCalls);
        incoming = List.copyOf(incomingCalls);
        if (!outgoing.isEmpty() || !incoming.isEmpty()) {
            log.info("{} campaign calls and {} incoming calls left in progress by the previous run: taken over "
                    + "at the first resync", outgoing.size(), incoming.size());
        }
    }

    /** With the first channel list: matches what it can (asking Asterisk for ID_CALL), then takes all over. */
    CompletableFuture<Void> apply(PbxReply channels) {
        if (outgoing.isEmpty() && incoming.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> alive = new HashMap<>();
        for (Map<String, String> item : channels.items()) {
            alive.put(item.getOrDefault("Uniqueid", ""), item.getOrDefault("Channel", ""));
        }
        Set<String> known = new HashSet<>();
        outgoing.forEach(c -> known.add(String.valueOf(c.uniqueId())));
        Map<Long, String> byCallId = new HashMap<>();
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        if (outgoing.stream().anyMatch(c -> c.uniqueId() == null)) {
            alive.forEach((uniqueId, channel) -> {
                if (!known.contains(uniqueId) && !ASTERISK_UNIQUEID.matcher(uniqueId).matches()) {
                    lookups.add(engine.sendOnEngine(new PbxAction.GetVar(channel, "ID_CALL")).thenAccept(reply ->
                            reply.field("Value").filter(v -> v.matches("\\d+"))
                                    .ifPresent(id -> byCallId.put(Long.parseLong(id), uniqueId))));
                }
            });
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            ClickToCallRecovery clickToCall = engine.clickToCallRecovery();
            outgoing.forEach(row -> {
                String uniqueId = row.uniqueId() != null ? row.uniqueId() : byCallId.get(row.callId());
                if (clickToCall == null || !clickToCall.adopt(row, uniqueId, channels)) {
                    adoptOutgoing(row, uniqueId, alive);
                }
            });
            incoming.forEach(row -> adoptIncoming(row, alive));
            outgoing = List.of();
            incoming = List.of();
        }, engine.scheduler());
    }

    private void adoptOutgoing(OutgoingCallStore.UnfinishedCall row, String uniqueId, Map<String, String> alive) {
        OutboundDialer dialer = engine.outbound();
        if (dialer == null) {
            return; // no dialer in this run: the rows stay as they are
        }
        LocalDateTime now = engine.now();
        boolean up = uniqueId != null && alive.containsKey(uniqueId);
        String id = uniqueId != null ? uniqueId : "dialerd-gone-" + row.callId();
        // Still dialling: its OriginateResponse went to the old connection, so the deadline counts from now.
        LocalDateTime originated = row.answered() == null && row.joined() == null || row.originated() == null
                ? now : row.originated();
        OutboundCall call = new OutboundCall(row.campaignId(), row.callId(), row.phone(), row.queue(), row.trunk(),
                row.retries(), "dialerd-adopted-" + row.callId(), id, originated,
                new CallMeter(engine.metrics, OutboundDialer.OUTGOING));
        call.channel = up ? alive.get(uniqueId) : "";
        call.answered = row.answered();
        call.joined = row.joined();
        call.linkStart = row.linkStart();
        if (row.linkStart() != null) {
            call.agent = agent(row.agentId());
            if (call.agent != null) {
                call.agent.outboundCall = call;
            }
        }
        call.meter.enter(row.linkStart() != null ? CallPhase.TALKING : row.joined() != null ? CallPhase.QUEUED
                : row.answered() != null ? CallPhase.RINGING : CallPhase.DIALING);
        dialer.adopt(call);
        settle(up, id, call.channel, "campaign call " + row.callId());
    }

    private void adoptIncoming(IncomingCallStore.UnfinishedCall row, Map<String, String> alive) {
        InboundCalls inbound = engine.inbound();
        if (inbound == null || row.uniqueId() == null) {
            return;
        }
        boolean up = alive.containsKey(row.uniqueId());
        LiveCall call = new LiveCall(InboundCalls.INCOMING, row.uniqueId(), up ? alive.get(row.uniqueId()) : "",
                row.callerId(), row.queue(), row.queueCallEntryId(), row.campaignId(), row.trunk(),
                row.joined() != null ? row.joined() : engine.now(), row.callId(),
                new CallMeter(engine.metrics, InboundCalls.INCOMING));
        call.meter.enter(row.linkStart() != null ? CallPhase.TALKING : CallPhase.QUEUED);
        if (row.linkStart() != null) {
            call.linkStart = row.linkStart();
            call.agent = agent(row.agentId());
            if (call.agent != null) {
                call.agent.call = call;
            }
        }
        inbound.adopt(call);
        settle(up, row.uniqueId(), call.channel, "incoming call " + row.callId());
    }

    /** Up: followed from here. Gone: ended as its Hangup would have ended it. */
    private void settle(boolean up, String uniqueId, String channel, String what) {
        if (up) {
            log.info("{} is still up in Asterisk ({}): followed again", what, channel);
        } else {
            log.info("{} is gone from Asterisk: ending it", what);
            engine.callEvent(new PbxEvent.Hangup(channel, uniqueId, "", 0, CallReconciler.GONE));
        }
    }

    private AgentState agent(Integer agentId) {
        return agentById(engine, agentId);
    }

    /** The tracked agent with this id (a row's id_agent), or null. */
    static AgentState agentById(AgentEngine engine, Integer agentId) {
        if (agentId == null) {
            return null;
        }
        for (AgentState state : engine.states()) {
            if (state.agent.id() == agentId) {
                return state;
            }
        }
        return null;
    }
}
