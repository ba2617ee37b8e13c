package org.dialerd.eccp.handler.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mixmonitormute / mixmonitorunmute: MixMonitorMute (both directions) on the customer's
 * channel, then the recordingmute / recordingunmute event. A mute with {@code timeout}
 * seconds is undone automatically after that time if the agent is still on the same call.
 */
public final class RecordingMute {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMute.class);
    private static final String BOTH = "both";
    static final String MUTE_REFUSED = "Cannot mute agent call";
    static final String UNMUTE_REFUSED = "Cannot unmute agent call";
    private static final Function<Duration, Executor> REAL_TIME =
            delay -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);

    /** Runs the automatic unmute after the given delay; tests replace it (the unmute runs on real time). */
    private static volatile Function<Duration, Executor> delayer = REAL_TIME;

    private RecordingMute() {
    }

    /**
     * For tests: {@code delayed} gives the executor that runs the automatic unmute after the
     * requested timeout; {@code null} restores real time.
     */
    public static void useDelayer(Function<Duration, Executor> delayed) {
        delayer = delayed == null ? REAL_TIME : delayed;
    }

    public static XmlElement mute(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        Optional<Long> timeout = Args.optional(request, "timeout").map(Args::phpInt);
        if (timeout.isPresent() && timeout.get() <= 0) {
            throw EccpFailure.wrapped(417, "Invalid timeout");
        }
        AgentCall current = AgentCall.requireInCall(context, agent);
        setMuted(context, current, true);
        timeout.ifPresent(seconds -> scheduleUnmute(context, current, seconds));
        return Replies.success(context.name());
    }

    public static XmlElement unmute(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        setMuted(context, AgentCall.requireInCall(context, agent), false);
        return Replies.success(context.name());
    }

    private static void setMuted(RequestContext context, AgentCall current, boolean muted) {
        AgentCall.send(context, action(current.call(), muted), muted ? MUTE_REFUSED : UNMUTE_REFUSED);
        context.services().engine().announce(event(current, muted));
    }

    private static void scheduleUnmute(RequestContext context, AgentCall current, long seconds) {
        Executor later = delayer.apply(Duration.ofSeconds(seconds));
        CompletableFuture.runAsync(() -> {
            boolean sameCall = context.services().engine().view(current.agent().channel())
                    .flatMap(AgentView::call)
                    .filter(call -> Objects.equals(call.uniqueId(), current.call().uniqueId()))
                    .isPresent();
            if (!sameCall) {
                return;
            }
            context.services().pbx().send(action(current.call(), false)).whenComplete((reply, failure) -> {
                if (failure == null && reply.success()) {
                    context.services().engine().announce(event(current, false));
                } else {
                    LOG.warn("recording: automatic unmute of {} failed: {}", current.call().remoteChannel(),
                            failure != null ? failure.getMessage() : reply.message());
                }
            });
        }, later);
    }

    private static PbxAction action(CallLink call, boolean muted) {
        return new PbxAction.MixMonitorMute(call.remoteChannel(), BOTH, muted);
    }

    private static AgentEvent event(AgentCall current, boolean muted) {
        CallLink call = current.call();
        return new AgentEvent.RecordingMute(current.agent().channel(), muted, call.callType(),
                call.campaignId().orElse(null), call.callId());
    }
}
