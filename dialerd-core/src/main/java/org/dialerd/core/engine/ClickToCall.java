package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.OriginateFailure;
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
 * agentunlinked ({@link ClickToCallCalls}), also across an AMI reconnection and a restart
 * ({@link ClickToCallRecovery}). Decisions run on the engine thread; the row is inserted off it.
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

    private final AgentEngine engine;
    private final EngineWrites writes;
    private final ClickToCallStore store;
    private final DialerSettings dialer;
    private final Supplier<DaemonSettings> settings;
    private final ClickToCallOutcomes outcomes;
    private final ClickToCallCalls calls;
    private final ClickToCallRecovery recovery;
    private long sequence;

    ClickToCall(AgentEngine engine, EngineWrites writes, ClickToCallStore store, DialerSettings dialer,
                Supplier<DaemonSettings> settings) {
        this.engine = engine;
        this.writes = writes;
        this.store = store;
        this.dialer = dialer;
        this.settings = settings;
        this.outcomes = new ClickToCallOutcomes(engine, writes, settings);
        this.calls = new ClickToCallCalls(outcomes);
        this.recovery = new ClickToCallRecovery(engine, calls, dialer, settings);
    }

    /** Resync and takeover of the calls in progress. */
    ClickToCallRecovery recovery() {
        return recovery;
    }

    /** Calls being placed or talked (the soak and the tests check none is left behind). */
    int followed() {
        return calls.followed();
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
        call.session = calls.session();
        ClickToCallCalls.Dialing dialing = new ClickToCallCalls.Dialing(call, uniqueId);
        calls.follow(dialing);
        writes.write(new JournalRecord.OutgoingPlacing(call.callId, ClickToCallOutcomes.emptyToNull(call.trunk), now));
        outcomes.progress(call, "Placing", null, null, now);
        call.meter.enter(CallPhase.DIALING);
        Duration ringAgent = dialer.originateTimeout(settings.get());
        String customer = dialer.channelFor(call.trunk, phone);
        PbxAction.Originate originate = new PbxAction.Originate(state.memberInterface, "", "", 1, "Dial",
                customer + "," + CUSTOMER_RING.toSeconds(), "\"" + row.campaignName() + "\" <" + phone + ">",
                ringAgent, Map.of("ID_CAMPAIGN", String.valueOf(call.campaignId), "ID_CALL",
                        String.valueOf(call.callId), "NUMBER", phone, "QUEUE", call.queue), actionId, uniqueId);
        outcomes.progress(call, "Dialing", null, null, now);
        log.info("click-to-call {} for agent {}: ringing {}, then {}", call.callId, state.number(),
                state.memberInterface, customer);
        engine.sendOnEngine(originate).thenAccept(reply -> {
            if (!reply.success() && !dialing.call.ended) {
                calls.failed(dialing, OriginateFailure.failed(reply.message()));
            }
        });
        engine.scheduler().schedule(ringAgent.plus(RESPONSE_GRACE), () -> {
            if (!dialing.call.ended && !dialing.agentAnswered) {
                calls.failed(dialing, OriginateFailure.failed("No OriginateResponse"));
            }
        });
    }

    void handle(PbxEvent event) {
        calls.handle(event);
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
