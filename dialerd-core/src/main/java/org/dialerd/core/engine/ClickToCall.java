package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.ClickToCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call: rings the agent's own line (the interface it is a queue member with), and once
 * the agent answers, dials the customer from that channel ({@code Dial} as the originated
 * application). The call is a {@code calls} row of an outgoing campaign ({@link ClickToCallStore})
 * and is followed as a campaign call: Placing, Dialing, Ringing, Success, Hangup (or Failure /
 * NoAnswer) in calls and call_progress_log, current_calls while linked, agentlinked and
 * agentunlinked. Decisions run on the engine thread; the row is inserted off it.
 *
 * <p>Events of one call: the agent leg has the uniqueid dialerd gave it (Originate ChannelId);
 * the customer's channel is the one Dial creates with the agent leg's linkedid; the customer is
 * linked when that channel enters a bridge, and the call ends with the first Hangup of either.
 */
public final class ClickToCall {
    private static final Logger log = LoggerFactory.getLogger(ClickToCall.class);
    /** How long the customer may ring, in Dial's timeout argument. */
    static final Duration CUSTOMER_RING = Duration.ofSeconds(45);
    /** Past the originate timeout: the OriginateResponse was lost, the call is given up. */
    private static final Duration RESPONSE_GRACE = Duration.ofSeconds(10);

    /** The answer to a click-to-call request: the call placed, or the refusal. */
    public record Outcome(Optional<EngineResult.Failure> failure, int campaignId, long callId) {
        public static Outcome refused(int code, String message) {
            return new Outcome(Optional.of(new EngineResult.Failure(code, message)), 0, 0);
        }
    }

    /** One call being placed or talked: the campaign call and the legs Asterisk gave it. */
    private static final class Dialing {
        /** Replaced once the customer's channel exists: a campaign call's uniqueid is the customer's. */
        OutboundCall call;
        final String agentUniqueId;
        String agentLeg = "";
        boolean agentAnswered;
        String customerUniqueId = "";

        Dialing(OutboundCall call) {
            this.call = call;
            this.agentUniqueId = call.uniqueId;
        }
    }

    private final AgentEngine engine;
    private final EngineWrites writes;
    private final ClickToCallStore store;
    private final DialerSettings dialer;
    private final Supplier<DaemonSettings> settings;
    /** By the agent leg's uniqueid and by the customer's. Engine thread. */
    private final Map<String, Dialing> byUniqueId = new HashMap<>();
    private final Map<String, Dialing> byActionId = new HashMap<>();
    private long sequence;

    ClickToCall(AgentEngine engine, EngineWrites writes, ClickToCallStore store, DialerSettings dialer,
                Supplier<DaemonSettings> settings) {
        this.engine = engine;
        this.writes = writes;
        this.store = store;
        this.dialer = dialer;
        this.settings = settings;
    }

    /** Calls being placed or talked (the soak and the tests check none is left behind). */
    int followed() {
        return byActionId.size();
    }

    /** On the engine thread: checks the agent, creates the row (off the engine thread), dials. */
    CompletableFuture<Outcome> place(AgentState state, String phone, Optional<Integer> campaignId) {
        Optional<Outcome> refusal = refusal(state);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(refusal.get());
        }
        List<String> queues = List.copyOf(state.queues);
        return writes.readAfterWrites("click-to-call row", () -> store.create(campaignId, queues, phone))
                .thenApplyAsync(outcome -> {
                    if (outcome instanceof ClickToCallStore.Outcome.Refused refused) {
                        return Outcome.refused(refused.code(), refused.message());
                    }
                    ClickToCallStore.NewCall row = ((ClickToCallStore.Outcome.Created) outcome).call();
                    Optional<Outcome> late = refusal(state); // the agent may have taken a call meanwhile
                    if (late.isPresent()) {
                        writes.write(new JournalRecord.OutgoingFailed(row.callId(), CallStatus.FAILURE.wireName(), 0,
                                "Agent busy", engine.now()));
                        return late.get();
                    }
                    dial(state, row, phone);
                    return new Outcome(Optional.empty(), row.campaignId(), row.callId());
                }, engine.scheduler());
    }

    private static Optional<Outcome> refusal(AgentState state) {
        if (!state.loggedIn) {
            return Optional.of(Outcome.refused(417, "Agent currently not logged in"));
        }
        if (state.call != null || state.outboundCall != null || state.onHold) {
            return Optional.of(Outcome.refused(417, "Agent already in call"));
        }
        if (state.pause != null) {
            return Optional.of(Outcome.refused(417, "Agent is on a break"));
        }
        if (state.memberInterface == null) {
            return Optional.of(Outcome.refused(417, "Agent has no line to ring"));
        }
        return Optional.empty();
    }

    private void dial(AgentState state, ClickToCallStore.NewCall row, String phone) {
        LocalDateTime now = engine.now();
        long n = ++sequence;
        String actionId = "dialerd-c2c-" + row.campaignId() + "-" + row.callId() + "-" + n;
        String uniqueId = dialer.uniqueIdPrefix() + ".c" + n;
        OutboundCall call = new OutboundCall(row.campaignId(), row.callId(), phone, row.queue(), row.trunk(), 1,
                actionId, uniqueId, now, new CallMeter(engine.metrics, OutboundDialer.OUTGOING));
        call.scheduledFor = state;
        call.agent = state;
        state.outboundCall = call; // reserved: no queue call, no dialer round counts the agent free
        engine.publish(state);
        Dialing dialing = new Dialing(call);
        byActionId.put(actionId, dialing);
        byUniqueId.put(uniqueId, dialing);
        writes.write(new JournalRecord.OutgoingPlacing(call.callId, emptyToNull(call.trunk), now));
        progress(call, "Placing", null, null, now);
        call.meter.enter(CallPhase.DIALING);
        Duration ringAgent = dialer.originateTimeout(settings.get());
        String customer = dialer.channelFor(call.trunk, phone);
        PbxAction.Originate originate = new PbxAction.Originate(state.memberInterface, "", "", 1, "Dial",
                customer + "," + CUSTOMER_RING.toSeconds(), "\"" + row.campaignName() + "\" <" + phone + ">",
                ringAgent, Map.of("ID_CAMPAIGN", String.valueOf(call.campaignId), "ID_CALL",
                        String.valueOf(call.callId), "NUMBER", phone, "QUEUE", call.queue), actionId, uniqueId);
        progress(call, "Dialing", null, null, now);
        log.info("click-to-call {} for agent {}: ringing {}, then {}", call.callId, state.number(),
                state.memberInterface, customer);
        engine.sendOnEngine(originate).thenAccept(reply -> {
            if (!reply.success() && !dialing.call.ended) {
                failed(dialing, OriginateFailure.failed(reply.message()));
            }
        });
        engine.scheduler().schedule(ringAgent.plus(RESPONSE_GRACE), () -> {
            if (!dialing.call.ended && !dialing.agentAnswered) {
                failed(dialing, OriginateFailure.failed("No OriginateResponse"));
            }
        });
    }

    void handle(PbxEvent event) {
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
            } else if (customer || dialing.agentAnswered) {
                failed(dialing, customer ? OriginateFailure.ofHangup(e.cause(), e.causeText())
                        : OriginateFailure.failed("Agent hung up"));
            }
            // The agent leg gone before answering: its OriginateResponse says why.
        }
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
        dialing.customerUniqueId = e.uniqueId();
        OutboundCall before = dialing.call;
        OutboundCall call = new OutboundCall(before.campaignId, before.callId, before.phone, before.queue,
                before.trunk, before.retry, before.actionId, e.uniqueId(), before.originated, before.meter);
        call.scheduledFor = before.scheduledFor;
        call.agent = before.agent;
        call.channel = e.channel();
        dialing.call = call;
        if (call.agent.outboundCall == before) {
            call.agent.outboundCall = call;
        }
        byUniqueId.put(e.uniqueId(), dialing);
    }

    private static String base(String channel) {
        int half = channel.lastIndexOf(';');
        return half < 0 ? channel : channel.substring(0, half);
    }

    private void linked(Dialing dialing) {
        OutboundCall call = dialing.call;
        AgentState agent = call.agent;
        LocalDateTime now = engine.now();
        call.answered = now;
        call.joined = now;
        call.linkStart = now;
        call.agentChannel = dialing.agentLeg;
        writes.write(new JournalRecord.OutgoingAnswered(call.callId, call.uniqueId, now));
        call.meter.enter(CallPhase.RINGING);
        progress(call, "Ringing", null, null, now);
        call.meter.enter(CallPhase.TALKING);
        int agentId = agent.agent.id();
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, 0));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    private void ended(Dialing dialing) {
        OutboundCall call = dialing.call;
        call.ended = true;
        forget(dialing);
        AgentState agent = call.agent;
        LocalDateTime end = engine.now();
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        CallStatus status = ShortCallRule.of(settings.get()).finalStatus(duration);
        call.meter.finish(status.wireName());
        writes.write(new JournalRecord.OutgoingEnded(call.callId, status.wireName(), end, duration));
        if (status == CallStatus.SHORT_CALL) {
            progress(call, "ShortCall", agent.agent.id(), duration, end);
        }
        long logId = progress(call, "Hangup", agent.agent.id(), duration, end);
        release(call);
        engine.emit(new AgentEvent.AgentUnlinked(agent.number(), call.link(), end, duration,
                status == CallStatus.SHORT_CALL, logId));
    }

    private void failed(Dialing dialing, OriginateFailure failure) {
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
        release(call);
        log.info("click-to-call {} for agent {} not connected: {} ({})", call.callId, call.agent.number(), status,
                failure.causeText());
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

    private long progress(OutboundCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        String uniqueId = call.answered == null ? null : call.uniqueId;
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, false, call.campaignId, call.callId, status, call.retry,
                uniqueId, emptyToNull(call.trunk), agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent.number(), when, OutboundDialer.OUTGOING, call.campaignId,
                call.callId, status, call.retry, uniqueId, emptyToNull(call.trunk), call.phone, call.queue));
        return logId;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** For the agent engine: the request from any thread, carried out on the engine thread. */
    static CompletableFuture<Outcome> request(AgentEngine engine, ClickToCall clickToCall, Agent agent, String phone,
                                              Optional<Integer> campaignId) {
        if (clickToCall == null) {
            return CompletableFuture.completedFuture(Outcome.refused(500, "Click-to-call not available"));
        }
        return CompletableFuture.supplyAsync(() -> clickToCall.place(engine.state(agent), phone, campaignId),
                engine.scheduler()).thenCompose(f -> f);
    }
}
