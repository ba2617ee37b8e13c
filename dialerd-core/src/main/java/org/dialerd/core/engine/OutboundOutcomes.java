package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.dialer.RunningStats;
import org.dialerd.core.dialer.ShortCallRule;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * The accounting of a placed campaign call's results: each PBX event of a followed call becomes
 * its calls / current_calls writes, its call_progress_log row and callprogress event, and the
 * agent events (agentlinked, agentunlinked), through Ringing → OnQueue → Success → Hangup or
 * Failure / NoAnswer / Abandoned / ShortCall. Keeps the campaigns' talk-time statistics the
 * round's decisions read. Engine thread only.
 */
final class OutboundOutcomes {
    private final AgentEngine engine;
    private final OutboundDialer calls;
    private final EngineWrites writes;
    private final Supplier<DaemonSettings> settings;
    private final CampaignDialing dialing;
    private final RecentCalls recent;
    private final SafeHarbour safeHarbour;
    private final OriginateWatchdog watchdog;
    private final Map<Integer, RunningStats> stats = new HashMap<>();

    OutboundOutcomes(AgentEngine engine, OutboundDialer calls, EngineWrites writes, Supplier<DaemonSettings> settings,
                     CampaignDialing dialing, RecentCalls recent, SafeHarbour safeHarbour, OriginateWatchdog watchdog) {
        this.engine = engine;
        this.calls = calls;
        this.writes = writes;
        this.settings = settings;
        this.dialing = dialing;
        this.recent = recent;
        this.safeHarbour = safeHarbour;
        this.watchdog = watchdog;
    }

    /** The campaign's talk-time statistics: the columns read once, then kept in memory. */
    RunningStats talkStats(OutgoingCallStore.Campaign campaign) {
        return stats.computeIfAbsent(campaign.id(), id -> RunningStats.fromColumns(campaign.completed(),
                campaign.meanTalk(), campaign.deviation()));
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateResponse e) {
            OutboundCall call = calls.byActionId(e.actionId());
            if (call != null) {
                originateResponse(call, e);
            }
        } else if (event instanceof PbxEvent.BridgeEnter e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null && call.scheduledFor != null && call.linkStart == null) {
                answered(call, e.channel());
                linkedScheduled(call);
            }
        } else if (event instanceof PbxEvent.QueueCallerJoin e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null && call.joined == null) {
                answered(call, e.channel());
                call.joined = engine.now();
                call.channel = e.channel();
                call.meter.enter(CallPhase.QUEUED);
                writes.write(new JournalRecord.OutgoingQueued(call.callId, call.uniqueId, call.joined));
                progress(call, "OnQueue", null, null, call.joined);
            }
        } else if (event instanceof PbxEvent.AgentConnect e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null && call.linkStart == null) {
                linked(call, e);
            }
        } else if (event instanceof PbxEvent.QueueCallerAbandon e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null && call.linkStart == null && !call.safeHarbour) { // redirected: ends at its hang-up
                abandoned(call);
            }
        } else if (event instanceof PbxEvent.AgentComplete e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null) {
                call.linkStart = call.linkStart != null ? call.linkStart : engine.now(); // its AgentConnect was lost
                ended(call);
            }
        } else if (event instanceof PbxEvent.Hangup e) {
            OutboundCall call = calls.byUniqueId(e.uniqueId());
            if (call != null) {
                if (call.linkStart != null) {
                    ended(call);
                } else if (call.joined != null) {
                    abandoned(call);
                } else if (call.answered != null) {
                    // Answered, then gone before reaching the queue: nobody talked to the customer.
                    abandoned(call);
                } else {
                    watchdog.hungUp(call, e); // its OriginateResponse normally follows at once
                }
            }
        } else if (event instanceof PbxEvent.Connected) {
            watchdog.connected();
        }
    }

    private void originateResponse(OutboundCall call, PbxEvent.OriginateResponse e) {
        if (e.success()) {
            answered(call, e.channel());
            return;
        }
        recent.add(engine.now(), false);
        failed(call, OriginateFailure.of(e.reason(), Optional.empty()));
    }

    /**
     * The first sign that the customer answered: OriginateResponse, or the call's own QueueCallerJoin,
     * AgentConnect or BridgeEnter when the originate thread reports after them (ami-traces 04, 08 B).
     * Once: fecha_llamada and the Ringing row come before OnQueue and Success whatever the order.
     */
    private void answered(OutboundCall call, String channel) {
        if (call.answered != null) {
            return;
        }
        LocalDateTime now = engine.now();
        call.answered = now;
        if (call.channel.isEmpty()) {
            call.channel = channel;
        }
        recent.add(now, true);
        dialing.answered(call, now);
        writes.write(new JournalRecord.OutgoingAnswered(call.callId, call.uniqueId, now));
        call.meter.enter(CallPhase.RINGING);
        progress(call, "Ringing", null, null, now);
        safeHarbour.answered(call);
    }

    void failed(OutboundCall call, OriginateFailure failure) {
        calls.forget(call);
        dialing.failed(call, engine.now());
        if (call.scheduledFor != null) {
            if (!call.preview) {
                engine.emit(new AgentEvent.ScheduledCallPlacing(call.scheduledFor.number(), true, call.campaignId,
                        call.callId));
            }
            release(call);
        }
        LocalDateTime now = engine.now();
        String status = failure.status().wireName();
        call.meter.finish(status);
        writes.write(new JournalRecord.OutgoingFailed(call.callId, status, failure.cause(), failure.causeText(), now));
        progress(call, status, null, null, now);
    }

    /** The customer of an agent-scheduled call is bridged to the agent. */
    private void linkedScheduled(OutboundCall call) {
        LocalDateTime now = engine.now();
        AgentState agent = call.scheduledFor;
        call.linkStart = now;
        call.meter.enter(CallPhase.TALKING);
        if (call.joined == null) {
            call.joined = now;
        }
        call.agent = agent;
        int agentId = agent.agent.id();
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, 0));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    /** Frees the agent a scheduled call had reserved. */
    private void release(OutboundCall call) {
        AgentState agent = call.scheduledFor;
        if (agent != null && agent.outboundCall == call) {
            agent.outboundCall = null;
            engine.publish(agent);
        }
    }

    private void linked(OutboundCall call, PbxEvent.AgentConnect e) {
        answered(call, e.channel());
        LocalDateTime now = engine.now();
        call.linkStart = now;
        dialing.linked(call, now);
        call.meter.enter(CallPhase.TALKING);
        if (call.joined == null) {
            call.joined = now;
        }
        AgentState agent = engine.memberAgent(e.iface()).orElse(null);
        if (agent == null) {
            OutboundDialer.log.debug("campaign call {} taken by {} which is not a tracked agent", call.callId,
                    e.iface());
            return;
        }
        call.agent = agent;
        call.agentChannel = e.destChannel();
        agent.outboundCall = call;
        long wait = Math.max(0, Duration.between(call.joined, now).toSeconds());
        int agentId = agent.agent.id();
        writes.write(new JournalRecord.OutgoingLinked(call.callId, writes.newId(IdTable.CURRENT_CALLS), agentId,
                agent.number(), call.queue, call.uniqueId, call.channel, now, wait));
        long logId = progress(call, "Success", agentId, null, now);
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentLinked(agent.number(), call.link(), logId));
    }

    /** The agent sent the call elsewhere: the link ends now, the row keeps the destination. */
    void transferred(OutboundCall call, String extension) {
        if (call.ended || call.agent == null) {
            return;
        }
        writes.write(new JournalRecord.OutgoingTransferred(call.callId, extension));
        ended(call);
    }

    private void ended(OutboundCall call) {
        calls.forget(call);
        LocalDateTime end = engine.now();
        AgentState agent = call.agent;
        long duration = Math.max(0, Duration.between(call.linkStart, end).toSeconds());
        CallStatus status = ShortCallRule.of(settings.get()).finalStatus(duration);
        call.meter.finish(status.wireName());
        writes.write(new JournalRecord.OutgoingEnded(call.callId, status.wireName(), end, duration));
        if (agent == null) {
            // Taken by a queue member dialerd does not track: the row still gets its end.
            release(call);
            progress(call, "Hangup", null, duration, end);
            return;
        }
        dialing.talked(call, duration);
        RunningStats updated = stats.getOrDefault(call.campaignId, RunningStats.EMPTY).afterCall(status, duration);
        stats.put(call.campaignId, updated);
        writes.write(new JournalRecord.CampaignStats(call.campaignId, updated.count(), updated.meanColumn(),
                updated.deviationColumn()));
        if (status == CallStatus.SHORT_CALL) {
            progress(call, "ShortCall", agent.agent.id(), duration, end);
        }
        long logId = progress(call, "Hangup", agent.agent.id(), duration, end);
        if (agent.outboundCall == call) {
            agent.outboundCall = null;
        }
        engine.publish(agent);
        engine.emit(new AgentEvent.AgentUnlinked(agent.number(), call.link(), end, duration,
                status == CallStatus.SHORT_CALL, logId));
    }

    private void abandoned(OutboundCall call) {
        calls.forget(call);
        dialing.abandoned(call);
        release(call);
        LocalDateTime end = engine.now();
        LocalDateTime since = call.joined != null ? call.joined : call.answered;
        long wait = Math.max(0, Duration.between(since, end).toSeconds());
        call.meter.finish(CallStatus.ABANDONED.wireName());
        writes.write(new JournalRecord.OutgoingAbandoned(call.callId, end, wait));
        progress(call, "Abandoned", null, null, end);
    }

    /** The call went on hold or came back: calls status and the progress log. */
    void held(OutboundCall call, boolean held) {
        if (call.ended) {
            return;
        }
        LocalDateTime now = engine.now();
        call.meter.enter(held ? CallPhase.ON_HOLD : CallPhase.TALKING);
        writes.write(new JournalRecord.OutgoingHeld(call.callId, held));
        progress(call, held ? "OnHold" : "OffHold", call.agent == null ? null : call.agent.agent.id(), null, now);
    }

    /** Writes the call_progress_log row and sends callprogress; returns the row's id. */
    long progress(OutboundCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        String uniqueId = call.answered == null && call.joined == null ? null : call.uniqueId;
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, false, call.campaignId, call.callId, status, call.retry,
                uniqueId, call.trunk, agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent == null ? null : call.agent.number(), when,
                OutboundDialer.OUTGOING, call.campaignId, call.callId, status, call.retry, uniqueId, call.trunk,
                call.phone, call.queue));
        return logId;
    }
}
