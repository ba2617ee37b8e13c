package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The click-to-call calls in progress ({@link ClickToCall} places them), followed by their
 * events as campaign calls: Ringing and Success once the customer's channel enters a bridge,
 * Hangup (or Failure / NoAnswer) at the end, in calls and call_progress_log; current_calls
 * while linked; agentlinked and agentunlinked. {@link ClickToCallRecovery} brings them up to
 * date after a resync and takes them over after a restart. Engine thread only.
 *
 * <p>Events of one call: the agent leg has the uniqueid dialerd gave it (Originate ChannelId);
 * the customer's channel is the one Dial creates with the agent leg's linkedid; the customer is
 * linked when that channel enters a bridge, and the call ends with the first Hangup of either
 * (once linked, the customer's only).
 */
final class ClickToCallCalls {
    private static final Logger log = LoggerFactory.getLogger(ClickToCallCalls.class);

    /** One call being placed or talked: the campaign call and the legs Asterisk gave it. */
    static final class Dialing {
        /** Replaced once the customer's channel exists: a campaign call's uniqueid is the customer's. */
        OutboundCall call;
        final String agentUniqueId;
        String agentLeg = "";
        boolean agentAnswered;
        String customerUniqueId = "";
        /**
         * Its OriginateResponse cannot come any more (sent on an AMI connection that is gone, or
         * by a previous run): the agent leg's Hangup before the answer ends it.
         */
        boolean responseLost;

        Dialing(OutboundCall call, String agentUniqueId) {
            this.call = call;
            this.agentUniqueId = agentUniqueId;
        }
    }

    private final AgentEngine engine;
    private final EngineWrites writes;
    private final Supplier<DaemonSettings> settings;
    /** By the agent leg's uniqueid and by the customer's. */
    private final Map<String, Dialing> byUniqueId = new HashMap<>();
    private final Map<String, Dialing> byActionId = new HashMap<>();
    /** AMI connections seen (Connected events): which connection an Originate went out on. */
    private int session;

    ClickToCallCalls(AgentEngine engine, EngineWrites writes, Supplier<DaemonSettings> settings) {
        this.engine = engine;
        this.writes = writes;
        this.settings = settings;
    }

    int followed() {
        return byActionId.size();
    }

    int session() {
        return session;
    }

    List<Dialing> all() {
        return List.copyOf(byActionId.values());
    }

    /** From now on its events are this call's. */
    void follow(Dialing dialing) {
        byActionId.put(dialing.call.actionId, dialing);
        byUniqueId.put(dialing.agentUniqueId, dialing);
        if (!dialing.customerUniqueId.isEmpty()) {
            byUniqueId.put(dialing.customerUniqueId, dialing);
        }
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.Connected) {
            session++;
            byActionId.values().forEach(d -> d.responseLost |= !d.agentAnswered);
            return;
        }
        if (byActionId.isEmpty()) {
            return;
        }
        if (event instanceof PbxEvent.OriginateResponse e) {
            Dialing dialing = byActionId.get(e.actionId());
            if (dialing != null && !dialing.agentAnswered) {
                if (e.success()) {
                    dialing.agentAnswered = true;
                    dialing.agentLeg = dialing.agentLeg.isEmpty() ? e.channel() : dialing.agentLeg;
                } else {
                    failed(dialing, OriginateFailure.of(e.reason(), Optional.empty()));
                }
            }
        } else if (event instanceof PbxEvent.NewChannel e) {
            newChannel(e);
        } else if (event instanceof PbxEvent.BridgeEnter e) {
            Dialing dialing = byUniqueId.get(e.uniqueId());
            if (dialing != null && e.uniqueId().equals(dialing.customerUniqueId) && dialing.call.linkStart == null) {
                linked(dialing);
            }
        } else if (event instanceof PbxEvent.Hangup e) {
            hangup(e);
        }
    }

    private void hangup(PbxEvent.Hangup e) {
        Dialing dialing = byUniqueId.get(e.uniqueId());
        if (dialing == null) {
            return;
        }
        boolean customer = e.uniqueId().equals(dialing.customerUniqueId);
        if (dialing.call.ended) {
            forget(dialing); // ended by a transfer; its legs go now
        } else if (dialing.call.linkStart != null) {
            // Linked, only the customer's Hangup ends it: the agent's leg also goes for a hold
            // (Park takes the customer out of the bridge), and Dial hangs the customer up
            // when the agent hangs up.
            if (customer) {
                ended(dialing);
            }
        } else if (customer || dialing.agentAnswered || dialing.responseLost) {
            failed(dialing, customer || dialing.responseLost ? OriginateFailure.ofHangup(e.cause(), e.causeText())
                    : OriginateFailure.failed("Agent hung up"));
        }
        // The agent leg gone before answering: its OriginateResponse says why.
    }

    /** The agent leg itself, or the customer's channel that Dial made with the agent leg's linkedid. */
    private void newChannel(PbxEvent.NewChannel e) {
        Dialing own = byUniqueId.get(e.uniqueId());
        if (own != null && e.uniqueId().equals(own.agentUniqueId)) {
            own.agentLeg = e.channel();
            return;
        }
        Dialing dialing = byUniqueId.get(e.linkedId());
        if (dialing != null && !e.linkedId().equals(dialing.agentUniqueId)) {
            return;
        }
        if (dialing == null || !dialing.customerUniqueId.isEmpty() || dialing.agentLeg.isEmpty()
                || base(e.channel()).equals(base(dialing.agentLeg))) {
            return; // not ours, already known, or the other half of the agent's Local channel
        }
        customerFound(dialing, e.uniqueId(), e.channel());
    }

    /** Dial made the customer's channel: the agent had answered, and the call is known by it now. */
    void customerFound(Dialing dialing, String uniqueId, String channel) {
        dialing.agentAnswered = true;
        dialing.customerUniqueId = uniqueId;
        OutboundCall before = dialing.call;
        OutboundCall call = new OutboundCall(before.campaignId, before.callId, before.phone, before.queue,
                before.trunk, before.retry, before.actionId, uniqueId, before.originated, before.meter);
        call.scheduledFor = before.scheduledFor;
        call.agent = before.agent;
        call.channel = channel;
        call.session = before.session;
        call.answered = before.answered;
        call.joined = before.joined;
        call.linkStart = before.linkStart;
        dialing.call = call;
        if (call.agent != null && call.agent.outboundCall == before) {
            call.agent.outboundCall = call;
        }
        byUniqueId.put(uniqueId, dialing);
    }

    /** {@code Local/1001@agents-00000001;1} → {@code Local/1001@agents-00000001}. */
    static String base(String channel) {
        int half = channel.lastIndexOf(';');
        return half < 0 ? channel : channel.substring(0, half);
    }

    /** A call taken over before it was linked: its agent is the logged-in one whose line its agent leg is. */
    void findAgent(Dialing dialing) {
        OutboundCall call = dialing.call;
        if (call.agent != null || dialing.agentLeg.isEmpty()) {
            return;
        }
        engine.memberAgent(ClickToCallRecovery.lineOf(dialing.agentLeg)).ifPresent(agent -> {
            call.agent = agent;
            call.scheduledFor = agent;
            agent.outboundCall = call;
            engine.publish(agent);
        });
    }

    void linked(Dialing dialing) {
        findAgent(dialing);
        OutboundCall call = dialing.call;
        dialing.agentAnswered = true;
        LocalDateTime now = engine.now();
        call.answered = now;
        call.joined = now;
        call.linkStart = now;
        call.agentChannel = dialing.agentLeg;
        writes.write(new JournalRecord.OutgoingAnswered(call.callId, call.uniqueId, now));
        call.meter.enter(CallPhase.RINGING);
        progress(call, "Ringing", null, null, now);
        call.meter.enter(CallPhase.TALKING);
        AgentState agent = call.agent;
        if (agent == null) {
            // Taken over from a previous run before its agent was linked, and no agent has that line now.
            log.warn("click-to-call {}: the customer is linked to {}, which is no agent dialerd knows", call.callId,
                    dialing.agentLeg);
            progress(call, "Success", null, null, now);
            return;
        }
        int agentId = agent.agent.id();
        agent.outboundCall = call;
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, 0));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    void ended(Dialing dialing) {
        OutboundCall call = dialing.call;
        call.ended = true;
        forget(dialing);
        AgentState agent = call.agent;
        LocalDateTime end = engine.now();
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        CallStatus status = ShortCallRule.of(settings.get()).finalStatus(duration);
        call.meter.finish(status.wireName());
        writes.write(new JournalRecord.OutgoingEnded(call.callId, status.wireName(), end, duration));
        Integer agentId = agent == null ? null : agent.agent.id();
        if (status == CallStatus.SHORT_CALL) {
            progress(call, "ShortCall", agentId, duration, end);
        }
        long logId = progress(call, "Hangup", agentId, duration, end);
        if (agent == null) {
            return;
        }
        release(call);
        engine.emit(new AgentEvent.AgentUnlinked(agent.number(), call.link(), end, duration,
                status == CallStatus.SHORT_CALL, logId));
    }

    void failed(Dialing dialing, OriginateFailure failure) {
        OutboundCall call = dialing.call;
        if (call.ended) {
            return;
        }
        call.ended = true;
        forget(dialing);
        LocalDateTime now = engine.now();
        String status = failure.status().wireName();
        call.meter.finish(status);
        writes.write(new JournalRecord.OutgoingFailed(call.callId, status, failure.cause(), failure.causeText(), now));
        progress(call, status, null, null, now);
        if (call.agent != null) {
            release(call);
        }
        log.info("click-to-call {} for agent {} not connected: {} ({})", call.callId,
                call.agent == null ? "?" : call.agent.number(), status, failure.causeText());
        // A leg still up (the agent's phone after the customer failed) goes too.
        if (dialing.agentAnswered && !dialing.agentLeg.isEmpty()) {
            engine.pbx().send(new PbxAction.Hangup(dialing.agentLeg, 16));
        }
    }

    private void release(OutboundCall call) {
        AgentState agent = call.agent;
        if (agent.outboundCall == call) {
            agent.outboundCall = null;
        }
        engine.publish(agent);
    }

    /** Forgets the call's ids; Hangups still to come for an ended call are then not ours. */
    private void forget(Dialing dialing) {
        byActionId.remove(dialing.call.actionId);
        if (dialing.call.ended) {
            byUniqueId.remove(dialing.agentUniqueId);
            byUniqueId.remove(dialing.customerUniqueId);
        }
    }

    long progress(OutboundCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        String uniqueId = call.answered == null ? null : call.uniqueId;
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, false, call.campaignId, call.callId, status, call.retry,
                uniqueId, emptyToNull(call.trunk), agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent == null ? "" : call.agent.number(), when,
                OutboundDialer.OUTGOING, call.campaignId, call.callId, status, call.retry, uniqueId,
                emptyToNull(call.trunk), call.phone, call.queue));
        return logId;
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
