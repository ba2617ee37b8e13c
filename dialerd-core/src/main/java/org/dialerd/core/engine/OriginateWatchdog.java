package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every campaign call dialerd originates ends, even when AMI loses what should end
 * it: a call waiting for its OriginateResponse holds one of the campaign's max_canales and
 * counts as a pending call for the predictor, so one that waits for good stops the campaign.
 * <ul>
 * <li>Originate refused by Asterisk ({@code Response: Error}) or not sent (no connection):
 *     Failure at once.</li>
 * <li>Originate sent but unanswered (timed out, connection dropped): Asterisk may be dialling,
 *     so the call is followed by its events like any other.</li>
 * <li>Its channel hung up and no OriginateResponse followed within {@link #HANGUP_GRACE}:
 *     Failure (or NoAnswer) with the Hangup's cause.</li>
 * <li>No OriginateResponse by the originate timeout plus {@link #MARGIN}: Failure "no
 *     OriginateResponse".</li>
 * </ul>
 * Each case is logged once at WARN with the call. Deadlines are checked on the engine clock at
 * every dialer round, and only while AMI is connected (during an outage the reconnect's resync
 * judges the calls). Engine thread only.
 */
final class OriginateWatchdog {
    private static final Logger log = LoggerFactory.getLogger(OriginateWatchdog.class);
    /** Past the originate timeout, how long an OriginateResponse may still take. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    /** After the channel's Hangup, how long its OriginateResponse may still take. */
    static final Duration HANGUP_GRACE = Duration.ofSeconds(2);

    private final AgentEngine engine;
    private final OutboundDialer dialer;
    /** Read at each use: a settings reload applies to the calls in progress too. */
    private final Supplier<Duration> originateTimeout;
    /** AMI connections seen (Connected events): which connection an Originate went out on. */
    private int session;

    OriginateWatchdog(AgentEngine engine, OutboundDialer dialer, Supplier<Duration> originateTimeout) {
        this.engine = engine;
        this.dialer = dialer;
        this.originateTimeout = originateTimeout;
    }

    void send(OutboundCall call, PbxAction.Originate originate) {
        engine.pbx().send(originate).whenCompleteAsync((reply, error) -> {
            if (call.ended) {
                return;
            }
            if (error == null && !reply.success()) {
                dialer.failed(call, OriginateFailure.failed("Originate refused: " + reply.message()));
            } else if (error != null && !(rootCause(error) instanceof PbxNoAnswerException)) {
                dialer.failed(call, OriginateFailure.failed("Originate not sent: " + rootCause(error).getMessage()));
            } else if (error != null) {
                log.warn("call {} of campaign {}: {}; Asterisk may be dialling it, so it is followed by its events "
                        + "until {}", call.callId, call.campaignId, rootCause(error).getMessage(), deadline(call));
            }
        }, engine.scheduler());
    }

    void connected() {
        session++;
    }

    int session() {
        return session;
    }

    /**
     * The calls whose channel Asterisk must have by now: not an Originate of this connection
     * still waiting for its outcome (its channel may not exist yet; the deadline judges it).
     */
    void followed(Collection<OutboundCall> calls, BiConsumer<String, String> into) {
        for (OutboundCall call : calls) {
            if (!call.pending() || call.session < session) {
                into.accept(call.uniqueId, call.channel);
            }
        }
    }

    /** The pending call's channel hung up; its OriginateResponse normally comes right after. */
    void hungUp(OutboundCall call, PbxEvent.Hangup hangup) {
        if (call.hungUp == null) {
            call.hungUp = engine.now();
            call.hangup = hangup;
        }
    }

    /** Every dialer round: pending calls past their deadline end now. */
    void check(List<OutboundCall> live) {
        LocalDateTime now = engine.now();
        for (OutboundCall call : live) {
            if (call.ended || !call.pending()) {
                continue;
            }
            if (call.hungUp != null && !now.isBefore(call.hungUp.plus(HANGUP_GRACE))) {
                PbxEvent.Hangup h = call.hangup;
                log.warn("call {} of campaign {}: channel {} hung up (cause {} {}) and no OriginateResponse came: "
                        + "ended as failed", call.callId, call.campaignId, h.channel(), h.cause(), h.causeText());
                dialer.failed(call, OriginateFailure.ofHangup(h.cause(), h.causeText()));
            } else if (!now.isBefore(deadline(call))) {
                log.warn("call {} of campaign {}: no OriginateResponse within {} s of dialling: ended as failed, "
                        + "its channel freed", call.callId, call.campaignId,
                        originateTimeout.get().plus(MARGIN).toSeconds());
                dialer.failed(call, OriginateFailure.failed("no OriginateResponse"));
            }
        }
    }

    private LocalDateTime deadline(OutboundCall call) {
        return call.originated.plus(originateTimeout.get()).plus(MARGIN);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
