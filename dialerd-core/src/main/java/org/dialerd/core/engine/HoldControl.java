package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold and unhold. Hold parks the customer's channel (the agent's leg is hung up by Asterisk
 * 12+), pauses the agent in its queues so no new call comes, opens an audit row with the hold
 * break and marks the call OnHold. Unhold calls the agent's phone into the parking space; the
 * call is back when Asterisk reports it unparked. A parked customer who hangs up ends the hold
 * (and the call): the agent is never left paused on a dead call. Runs on the engine thread.
 */
final class HoldControl {
    private static final Logger log = LoggerFactory.getLogger(HoldControl.class);
    /** Long enough for any hold; Asterisk's default (45 s) would ring the agent back mid-hold. */
    static final Duration PARK_TIMEOUT = Duration.ofHours(2);
    static final String HOLD_REASON = "Hold";

    private final AgentEngine engine;
    private final int holdBreakId;
    /** Parked customers by uniqueid → the agent holding them. */
    private final Map<String, AgentState> parked = new HashMap<>();

    /** Agents whose call is parked now. Engine thread. */
    int parkedCount() {
        return parked.size();
    }

    HoldControl(AgentEngine engine, EngineWrites writes, int holdBreakId) {
        this.engine = engine;
        this.holdBreakId = holdBreakId;
    }

    CompletableFuture<EngineResult> hold(AgentState state) {
        if (!state.loggedIn) {
            return done(EngineResult.failed(417, "Agent currently not logged in"));
        }
        String customer = customerChannel(state);
        String uniqueId = customerUniqueId(state);
        if (customer == null) {
            return done(EngineResult.failed(417, "Agent currenty not handling a call"));
        }
        if (state.onHold) {
            return done(EngineResult.OK);
        }
        parked.put(uniqueId, state);
        return engine.pauseInQueues(state, true, HOLD_REASON)
                .thenCompose(paused -> engine.sendOnEngine(new PbxAction.Park(customer, "", PARK_TIMEOUT)))
                .thenApply(reply -> {
                    if (!reply.success()) {
                        parked.remove(uniqueId);
                        if (state.pause == null) {
                            engine.pauseInQueues(state, false, "");
                        }
                        log.warn("agent {}: Asterisk refused to park {}: {}", state.number(), customer, reply.message());
                        return EngineResult.failed(500, "Unable to start agent hold");
                    }
                    startHold(state);
                    return EngineResult.OK;
                });
    }

    CompletableFuture<EngineResult> unhold(AgentState state) {
        if (!state.loggedIn) {
            return done(EngineResult.failed(417, "Agent currently not logged in"));
        }
        if (!state.onHold) {
            return done(EngineResult.failed(417, "Agent is not on hold"));
        }
        if (state.parkingSpace == null) {
            return done(EngineResult.failed(500, "Unable to end agent hold: parking space not known yet"));
        }
        String agentPhone = state.agent.type().isStatic()
                ? engine.settings().staticInterfaceOf(state.agent.number()) : state.memberInterface;
        PbxAction.Originate retrieve = new PbxAction.Originate(agentPhone, "parkedcalls", state.parkingSpace, 1,
                "", "", "Hold " + state.number(), engine.settings().loginTimeout(), Map.of(), "dialerd-unhold-"
                + state.agent.number(), "");
        return engine.sendOnEngine(retrieve).thenApply(reply -> reply.success() ? EngineResult.OK
                : EngineResult.failed(500, "Unable to end agent hold"));
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.ParkedCall e) {
            // ParkedCall may come before or after the Park action's reply (startHold).
            AgentState state = parked.get(e.parkeeUniqueId());
            if (state != null) {
                state.parkingSpace = e.parkingSpace();
                if (state.onHold) {
                    openHoldAudit(state);
                }
            }
        } else if (event instanceof PbxEvent.UnParkedCall e) {
            retrievedBy(e.parkeeUniqueId(), e.retrieverChannel());
            parkingEnded(e.parkeeUniqueId(), true, "retrieved");
        } else if (event instanceof PbxEvent.ParkedCallGiveUp e) {
            parkingEnded(e.parkeeUniqueId(), false, "the parked customer hung up");
        } else if (event instanceof PbxEvent.ParkedCallTimeOut e) {
            parkingEnded(e.parkeeUniqueId(), true, "parking timed out; the call rings the agent again");
        } else if (event instanceof PbxEvent.Hangup e) {
            parkingEnded(e.uniqueId(), false, "the parked customer hung up");
        }
    }

    /**
     * Unhold rang the agent's phone into the parking space: the agent's leg of the call is now
     * that new channel, and transfers and hangups must act on it, not on the leg the hold hung up.
     */
    private void retrievedBy(String parkeeUniqueId, String retriever) {
        AgentState state = parked.get(parkeeUniqueId);
        if (state == null || retriever == null || retriever.isEmpty()) {
            return;
        }
        if (state.call != null) {
            state.call.agentChannel = retriever;
        } else if (state.outboundCall != null) {
            state.outboundCall.agentChannel = retriever;
        }
    }

    private void parkingEnded(String parkeeUniqueId, boolean callGoesOn, String why) {
        AgentState state = parked.remove(parkeeUniqueId);
        if (state != null) {
            endHold(state, callGoesOn, why);
        }
    }

    /**
     * Asterisk has the agent paused for a hold this run did not start (dialerd restarted during
     * it). The hold continues when its customer is still there, that is the agent's call was
     * taken over and is still up, and the previous run's hold row says where it is parked: the
     * agent shows on hold, unhold retrieves the call, the row goes on (one hold, one row).
     * Returns false when there is nothing to continue: the hold then ends (its row is closed
     * with the other inherited rows, at the last time known; the caller unpauses the agent).
     */
    boolean reattach(AgentState state) {
        String channel = customerChannel(state);
        String uniqueId = customerUniqueId(state);
        if (state.onHold || channel == null || channel.isEmpty() || uniqueId == null) {
            return false;
        }
        AuditStore.OpenRow row = engine.records().takeInheritedHold(state, holdBreakId);
        if (row == null || row.extParked() == null || row.extParked().isEmpty()) {
            log.warn("agent {} is paused for a hold of {} but the previous run recorded no parking space: "
                    + "the hold ends; the customer stays parked until Asterisk's parking timeout", state.number(),
                    channel);
            if (row != null) {
                engine.records().close(row.id(), row.start(), row.lastKnown().isBefore(row.start()) ? row.start()
                        : row.lastKnown());
            }
            return false;
        }
        parked.put(uniqueId, state);
        state.onHold = true;
        state.holdStart = row.start();
        state.parkingSpace = row.extParked();
        state.holdAudit = row.id();
        if (state.call != null) {
            state.call.meter.enter(CallPhase.ON_HOLD);
        } else {
            state.outboundCall.meter.enter(CallPhase.ON_HOLD);
        }
        log.info("agent {}: hold of {} continues (parked at {}, audit row {} since {})", state.number(), channel,
                state.parkingSpace, row.id(), row.start());
        engine.publish(state);
        engine.emit(new AgentEvent.PauseStart(state.number(), "hold", null, null, state.holdStart));
        return true;
    }

    /** Parked customers (uniqueid), for a resync to check against Asterisk. */
    void followed(java.util.function.BiConsumer<String, String> into) {
        parked.keySet().forEach(id -> into.accept(id, ""));
    }

    private void startHold(AgentState state) {
        state.onHold = true;
        state.holdStart = engine.now();
        if (state.call != null) {
            engine.inbound().held(state.call, true);
        } else if (state.outboundCall != null) {
            engine.outbound().held(state.outboundCall, true);
        }
        if (state.parkingSpace != null) {
            openHoldAudit(state);
        }
        engine.publish(state);
        engine.emit(new AgentEvent.PauseStart(state.number(), "hold", null, null, state.holdStart));
    }

    private void openHoldAudit(AgentState state) {
        if (state.holdAudit != null) {
            return;
        }
        state.holdAudit = engine.records().open(state.agent.id(), holdBreakId, state.holdStart, state.parkingSpace);
    }

    /**
     * Back from hold (retrieved, or the customer gone): the agent takes calls again. A call whose
     * customer hung up while parked gets no OffHold: its Hangup follows, and ParkedCallGiveUp, the
     * customer's Hangup and AgentComplete reach dialerd in any order (nothing is written about a
     * call after its Hangup, so the first of them must not write OffHold either).
     */
    private void endHold(AgentState state, boolean callGoesOn, String why) {
        if (!state.onHold) {
            return;
        }
        LocalDateTime end = engine.now();
        LocalDateTime start = state.holdStart;
        openHoldAudit(state);
        engine.records().close(state.holdAudit, start, end);
        if (callGoesOn && state.call != null) {
            engine.inbound().held(state.call, false);
        } else if (callGoesOn && state.outboundCall != null) {
            engine.outbound().held(state.outboundCall, false);
        }
        state.onHold = false;
        state.holdStart = null;
        state.parkingSpace = null;
        state.holdAudit = null;
        if (state.pause == null && state.wrapup == null) { // a wrap-up that began at the call's end keeps it paused
            engine.pauseInQueues(state, false, "");
        }
        log.debug("agent {} off hold: {}", state.number(), why);
        engine.publish(state);
        engine.emit(new AgentEvent.PauseEnd(state.number(), "hold", null, null, start, end,
                Duration.between(start, end).toSeconds()));
    }

    private static String customerChannel(AgentState state) {
        if (state.call != null) {
            return state.call.channel;
        }
        return state.outboundCall != null && !state.outboundCall.channel.isEmpty() ? state.outboundCall.channel : null;
    }

    private static String customerUniqueId(AgentState state) {
        return state.call != null ? state.call.uniqueId
                : state.outboundCall != null ? state.outboundCall.uniqueId : null;
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
