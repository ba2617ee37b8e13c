package org.dialerd.core.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * atxfercall followed to its end, as trace 10 recorded it. Asterisk answers Atxfer "successfully
 * queued" at once, whatever becomes of it; then the transferer's channel goes on Hold while
 * the target is dialled. After that:
 * <ul>
 * <li>{@code AttendedTransfer} Result Success: the call is the target's now; it ends for the
 *     agent (agentunlinked) with the destination in the call's row, as a blind transfer.</li>
 * <li>{@code Unhold} of the transferer first: the transfer did not happen (extension unknown
 *     — Asterisk gives up after its digit timeout, about 6.5 s —, the target did not answer,
 *     or the consultation was cancelled); the call is back with the agent, and the agent's
 *     sessions get {@link AgentEvent.TransferFailed}.</li>
 * <li>No Hold within {@link #START_TIMEOUT}: Asterisk never started it; TransferFailed.</li>
 * </ul>
 * An Atxfer whose answer was lost is followed too (Asterisk may have started it). A transfer
 * whose channel hangs up, or that gets no outcome within {@link #OUTCOME_TIMEOUT}, is simply
 * no longer followed. Engine thread only.
 */
final class TransferFollower {
    private static final Logger log = LoggerFactory.getLogger(TransferFollower.class);
    /** From the Atxfer to the transferer's Hold: Asterisk plays the feature digits first (~0.3 s). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** Past the dial timeout of the consultation (atxfernoanswertimeout 15 s by default) and then some. */
    static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(10);
    static final String REFUSED = "Cannot transfer agent call";

    private static final class Transfer {
        final AgentState agent;
        final String channel;
        final String extension;
        final CallLink call;
        boolean held;
        EngineScheduler.Cancellable timer;

        Transfer(AgentState agent, String channel, String extension, CallLink call) {
            this.agent = agent;
            this.channel = channel;
            this.extension = extension;
            this.call = call;
        }
    }

    private final AgentEngine engine;
    private final Map<String, Transfer> byChannel = new HashMap<>();

    TransferFollower(AgentEngine engine) {
        this.engine = engine;
    }

    /** Transfers followed now. */
    int followed() {
        return byChannel.size();
    }

    /** Follows the transfer from before the Atxfer is sent, so no event of it can be missed. */
    CompletableFuture<EngineResult> start(AgentState state, String channel, String context, String extension) {
        CallLink call = state.call != null ? state.call.link()
                : state.outboundCall != null ? state.outboundCall.link() : null;
        if (!state.loggedIn || call == null) {
            return CompletableFuture.completedFuture(EngineResult.failed(417, "Agent not in call"));
        }
        Transfer transfer = new Transfer(state, channel, extension, call);
        Transfer previous = byChannel.put(channel, transfer);
        if (previous != null && previous.timer != null) {
            previous.timer.cancel();
        }
        transfer.timer = engine.scheduler().schedule(START_TIMEOUT, () -> {
            if (byChannel.get(channel) == transfer && !transfer.held) {
                failed(transfer, "Asterisk did not start the transfer");
            }
        });
        return engine.pbx().send(new PbxAction.Atxfer(channel, context, extension)).handleAsync((reply, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (error == null && reply.success()) {
                return EngineResult.OK;
            }
            if (!(cause instanceof PbxNoAnswerException)) {
                stop(transfer); // refused or never sent: nothing to follow
            } else {
                log.warn("agent {}: no answer to Atxfer to {}; following it in case Asterisk started it",
                        state.number(), extension);
            }
            return EngineResult.failed(500, REFUSED);
        }, engine.scheduler());
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.Hold e) {
            Transfer transfer = byChannel.get(e.channel());
            if (transfer != null && !transfer.held) {
                transfer.held = true;
                transfer.timer.cancel();
                transfer.timer = engine.scheduler().schedule(OUTCOME_TIMEOUT, () -> {
                    if (byChannel.get(transfer.channel) == transfer) {
                        log.info("agent {}: attended transfer to {} has no outcome after {}; no longer followed",
                                transfer.agent.number(), transfer.extension, OUTCOME_TIMEOUT);
                        stop(transfer);
                    }
                });
            }
        } else if (event instanceof PbxEvent.Unhold e) {
            Transfer transfer = byChannel.get(e.channel());
            if (transfer != null) {
                failed(transfer, "The transfer did not complete: the call is back with the agent");
            }
        } else if (event instanceof PbxEvent.AttendedTransfer e) {
            Transfer transfer = byChannel.get(e.origTransfererChannel());
            if (transfer == null) {
                return;
            }
            if ("Success".equalsIgnoreCase(e.result())) {
                stop(transfer);
                log.info("agent {}: attended transfer to {} completed", transfer.agent.number(), transfer.extension);
                engine.transferredNow(transfer.agent, transfer.extension); // before the AgentComplete behind it
            } else {
                failed(transfer, "Asterisk reported the transfer as " + e.result());
            }
        } else if (event instanceof PbxEvent.Hangup e) {
            Transfer transfer = byChannel.get(e.channel());
            if (transfer != null) {
                stop(transfer); // the agent's leg is gone: the call is over for the agent either way
            }
        }
    }

    private void failed(Transfer transfer, String cause) {
        stop(transfer);
        log.info("agent {}: attended transfer to {} failed: {}", transfer.agent.number(), transfer.extension, cause);
        engine.emit(new AgentEvent.TransferFailed(transfer.agent.number(), transfer.extension, transfer.call,
                cause));
    }

    private void stop(Transfer transfer) {
        byChannel.remove(transfer.channel, transfer);
        if (transfer.timer != null) {
            transfer.timer.cancel();
        }
    }
}
