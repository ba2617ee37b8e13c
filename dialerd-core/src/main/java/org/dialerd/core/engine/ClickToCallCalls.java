package org.dialerd.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.pbx.PbxEvent;

/**
 * The click-to-call calls in progress ({@link ClickToCall} places them), followed by their
 * events as campaign calls: Ringing and Success once the customer's channel enters a bridge,
 * Hangup (or Failure / NoAnswer) at the end. This class says which call an event is about and
 * where the call is; {@link ClickToCallOutcomes} writes each step (calls, call_progress_log,
 * current_calls while linked; agentlinked and agentunlinked). {@link ClickToCallRecovery} brings
 * them up to date after a resync and takes them over after a restart. Engine thread only.
 *
 * <p>Events of one call: the agent leg has the uniqueid dialerd gave it (Originate ChannelId);
 * the customer's channel is the one Dial creates with the agent leg's linkedid; the customer is
 * linked when that channel enters a bridge, and the call ends with the first Hangup of either
 * (once linked, the customer's only).
 */
final class ClickToCallCalls {
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

    private final ClickToCallOutcomes outcomes;
    /** By the agent leg's uniqueid and by the customer's. */
    private final Map<String, Dialing> byUniqueId = new HashMap<>();
    private final Map<String, Dialing> byActionId = new HashMap<>();
    /** AMI connections seen (Connected events): which connection an Originate went out on. */
    private int session;

    ClickToCallCalls(ClickToCallOutcomes outcomes) {
        this.outcomes = outcomes;
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
        outcomes.findAgent(dialing);
    }

    /** The customer entered a bridge (or a resync found it linked). */
    void linked(Dialing dialing) {
        outcomes.linked(dialing);
    }

    /** Hung up once linked: its ids are forgotten, then the call is written as ended. */
    void ended(Dialing dialing) {
        dialing.call.ended = true;
        forget(dialing);
        outcomes.ended(dialing.call);
    }

    /** Not connected (once: a call already ended stays as it ended). */
    void failed(Dialing dialing, OriginateFailure failure) {
        if (dialing.call.ended) {
            return;
        }
        dialing.call.ended = true;
        forget(dialing);
        outcomes.failed(dialing, failure);
    }

    /** Forgets the call's ids; Hangups still to come for an ended call are then not ours. */
    private void forget(Dialing dialing) {
        byActionId.remove(dialing.call.actionId);
        if (dialing.call.ended) {
            byUniqueId.remove(dialing.agentUniqueId);
            byUniqueId.remove(dialing.customerUniqueId);
        }
    }
}
