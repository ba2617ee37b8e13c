package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.settings.DaemonSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each step of a click-to-call call writes and tells ({@link ClickToCallCalls} decides the
 * step): linked (OutgoingAnswered, Ringing and Success in call_progress_log, current_calls,
 * agentlinked), ended (OutgoingEnded, Hangup or ShortCall, agentunlinked), failed (OutgoingFailed,
 * the leg still up hung up), and the progress rows of each. Engine thread only.
 */
final class ClickToCallOutcomes {
    private static final Logger log = LoggerFactory.getLogger(ClickToCallOutcomes.class);

    private final AgentEngine engine;
    private final EngineWrites writes;
    private final Supplier<DaemonSettings> settings;

    ClickToCallOutcomes(AgentEngine engine, EngineWrites writes, Supplier<DaemonSettings> settings) {
        this.engine = engine;
        this.writes = writes;
        this.settings = settings;
    }

    /** A call taken over before it was linked: its agent is the logged-in one whose line its agent leg is. */
    void findAgent(ClickToCallCalls.Dialing dialing) {
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

    void linked(ClickToCallCalls.Dialing dialing) {
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

    /** {@code call} has ended (its ids are forgotten already). */
    void ended(OutboundCall call) {
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

    /** {@code dialing}'s call has failed (ended, its ids forgotten already). */
    void failed(ClickToCallCalls.Dialing dialing, OriginateFailure failure) {
        OutboundCall call = dialing.call;
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
