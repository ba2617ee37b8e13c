package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.AuditStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-call work. When an agent's call ends (agentunlinked) and its campaign or queue has a
 * wrap-up time ({@link WrapupTimes}), the agent is paused in every queue with the reason
 * {@value #REASON} for that time, with an audit row of the wrap-up break, and unpaused when
 * it runs out or the console ends it (endwrapup, or unpauseagent).
 *
 * <p>What wins: a break (pauseagent, or a pause Asterisk reports with another reason) ends the
 * wrap-up and keeps the agent paused for the break; an agent already on a break when its call
 * ends gets no wrap-up (the break holds it out already, and ending it is the agent's choice); a
 * new call ends it. Asterisk is the truth: an unpause it reports after it confirmed the
 * wrap-up's pause ends the wrap-up, and a resync that finds the agent paused for a wrap-up
 * dialerd does not know of (it restarted) continues it from the previous run's audit row, or
 * unpauses the agent when there is none or its time is over. Engine thread only.
 */
final class WrapupControl implements EngineListener {
    private static final Logger log = LoggerFactory.getLogger(WrapupControl.class);
    /** The QueuePause reason of a wrap-up; PauseSync leaves pauses with it to this class. */
    static final String REASON = WrapupTimes.BREAK_NAME;
    /** The longest wait between two looks at the clock once the timer fired before the wrap-up's end. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final AgentEngine engine;
    private final EngineWrites writes;
    private WrapupTimes times = WrapupTimes.NONE;
    /** The shared campaign options the times follow (null until {@link #follow}), and the version last used. */
    private CampaignOptionsCache options;
    private long optionsVersion;
    private boolean warnedNoBreak;

    WrapupControl(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    /**
     * Reads the queues' wrap-up times now and every {@code every} after (web UI edits apply from
     * then on); the campaigns' come from {@code options}, the shared read of their options, and
     * apply from the next call end after it changed. Completes when the first read is in: a
     * resync after a restart needs the wrap-up break to continue a wrap-up, so the daemon waits
     * for it before it starts AMI.
     *
     * @param readsOptions {@code options} is this reader's own (no change check feeds it): read it too
     */
    CompletableFuture<Void> follow(OutgoingCallStore calls, BreakStore breaks, Duration every,
                                   CampaignOptionsCache options, boolean readsOptions) {
        this.options = options;
        return writes.readAfterWrites("read wrap-up times", () -> {
                    if (readsOptions) {
                        options.refresh();
                    }
                    return WrapupTimes.read(options.all(), calls, breaks);
                })
                .thenAcceptAsync(read -> {
                    times = read;
                    optionsVersion = options.version();
                }, engine.scheduler())
                .whenComplete((v, e) -> {
                    if (writes.isClosed()) {
                        return; // dialerd is stopping: no more reads
                    }
                    if (e != null) {
                        log.warn("cannot read wrap-up times (the last ones stay): {}", e.toString());
                    }
                    engine.scheduler().schedule(every, () -> follow(calls, breaks, every, options, readsOptions));
                })
                .exceptionally(e -> null);
    }

    /** Only for tests. */
    void use(WrapupTimes read) {
        times = read;
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (event instanceof AgentEvent.AgentUnlinked unlinked) {
            // After the listeners had agentunlinked: consoles see the call end before the wrap-up.
            engine.stateByNumber(unlinked.agentNumber())
                    .ifPresent(state -> engine.scheduler().execute(() -> start(state, unlinked.call())));
        } else if (event instanceof AgentEvent.AgentLinked linked) {
            engine.stateByNumber(linked.agentNumber()).ifPresent(state -> end(state, "call", true));
        }
    }

    private void start(AgentState state, CallLink call) {
        if (options != null && options.version() != optionsVersion) { // edited since the last read
            optionsVersion = options.version();
            times = times.withCampaigns(options.all());
        }
        Duration length = times.after(call);
        if (!state.loggedIn || length.isZero() || state.call != null || state.outboundCall != null) {
            return;
        }
        if (state.pause != null) {
            log.info("agent {} is on break '{}' when its call ends: no wrap-up", state.number(),
                    state.pause.breakName());
            return;
        }
        end(state, "call", false);
        LocalDateTime start = engine.now();
        AgentView.Wrapup wrapup = new AgentView.Wrapup(start, start.plus(length));
        state.wrapup = wrapup;
        state.wrapupCall = call;
        state.pauseChanges++;
        state.wrapupAudit = times.breakId().map(id -> engine.records().open(state.agent.id(), id, start, null))
                .orElse(null);
        if (state.wrapupAudit == null && !warnedNoBreak) {
            warnedNoBreak = true;
            log.warn("no break tipo 'H' named '{}' (schema.sql seeds it): wrap-ups get no audit row", REASON);
        }
        arm(state, wrapup, length);
        pauseForWrapup(state, wrapup);
        log.debug("agent {} in wrap-up for {} s", state.number(), length.toSeconds());
        engine.publish(state);
        engine.emit(new AgentEvent.WrapupStart(state.number(), start, wrapup.end(), call.callType(),
                call.campaignId().orElse(null), call.queue()));
    }

    /**
     * The wrap-up ends when dialerd's clock reaches its end (the time getagentstatus and the
     * audit row show), not merely when the scheduler's delay has run out: a scheduler that fires
     * before the clock got there arms again for what is left, at most {@link #RECHECK} (a clock
     * that stood still may jump: the tests' PBX clock).
     */
    private void arm(AgentState state, AgentView.Wrapup wrapup, Duration length) {
        state.wrapupTimer = engine.scheduler().schedule(length, () -> {
            if (state.wrapup != wrapup) {
                return;
            }
            Duration left = Duration.between(engine.now(), wrapup.end());
            if (!left.isNegative() && !left.isZero()) {
                arm(state, wrapup, left.compareTo(RECHECK) < 0 ? left : RECHECK);
            } else {
                end(state, "timeout", true);
            }
        });
    }

    private void pauseForWrapup(AgentState state, AgentView.Wrapup wrapup) {
        engine.pauseInQueues(state, true, REASON).thenAccept(reply -> {
            if (state.wrapup != wrapup) {
                return;
            }
            if (reply.success()) {
                state.wrapupPaused = true;
            } else {
                log.warn("agent {}: Asterisk did not pause it for wrap-up: {}", state.number(), reply.message());
            }
        });
    }

    /** endwrapup: ends the agent's wrap-up now; the answer says whether Asterisk unpaused it. */
    CompletableFuture<EngineResult> endRequested(AgentState state) {
        if (!state.loggedIn) {
            return CompletableFuture.completedFuture(EngineResult.failed(417, "Agent currently not logged in"));
        }
        if (state.wrapup == null) {
            return CompletableFuture.completedFuture(EngineResult.failed(417, "Agent is not in wrap-up"));
        }
        return end(state, "endwrapup", true).thenApply(reply -> reply.success() ? EngineResult.OK
                : EngineResult.failed(500, "Cannot unpause agent: " + reply.message()));
    }

    /**
     * Ends the wrap-up, if any: closes its row, tells the sessions and, when {@code unpause},
     * unpauses the agent unless a break or a hold keeps it paused. Returns Asterisk's answer.
     */
    CompletableFuture<PbxReply> end(AgentState state, String how, boolean unpause) {
        AgentView.Wrapup wrapup = state.wrapup;
        if (wrapup == null) {
            return CompletableFuture.completedFuture(PbxReply.ok("no wrap-up"));
        }
        LocalDateTime end = engine.now();
        CallLink call = state.wrapupCall;
        engine.records().close(state.wrapupAudit, wrapup.start(), end);
        state.clearWrapup();
        state.pauseChanges++;
        CompletableFuture<PbxReply> reply = unpause && state.pause == null && !state.onHold
                ? engine.pauseInQueues(state, false, "") : CompletableFuture.completedFuture(PbxReply.ok("kept"));
        log.debug("agent {} wrap-up ends ({})", state.number(), how);
        engine.publish(state);
        engine.emit(new AgentEvent.WrapupEnd(state.number(), wrapup.start(), end,
                Math.max(0, Duration.between(wrapup.start(), end).toSeconds()), how,
                call == null ? null : call.callType(), call == null ? null : call.campaignId().orElse(null),
                call == null ? null : call.queue()));
        return reply;
    }

    /**
     * A queue's live word on the agent. Returns true when the report is the wrap-up's own pause,
     * which is no break. An unpause Asterisk reports after it confirmed the wrap-up's pause was
     * made by someone else (the CLI, a supervisor's tool): the wrap-up ends, in every queue.
     */
    boolean reported(AgentState state, boolean paused, String reason) {
        if (paused) {
            return REASON.equals(reason);
        }
        if (state.wrapup != null && state.wrapupPaused && state.pause == null) {
            log.info("agent {} unpaused in Asterisk during wrap-up: the wrap-up ends", state.number());
            end(state, "asterisk", true);
        }
        return false;
    }

    /**
     * A resync's word: {@code pausedForWrapup} says whether Asterisk has the agent paused with
     * the wrap-up reason in any queue. Returns whether this corrected dialerd's state.
     */
    boolean snapshot(AgentState state, boolean pausedForWrapup) {
        if (state.wrapup != null) {
            if (pausedForWrapup) {
                return false;
            }
            if (state.wrapupPaused) {
                log.info("agent {} is not paused in Asterisk: its wrap-up ends", state.number());
                end(state, "asterisk", false);
            } else {
                pauseForWrapup(state, state.wrapup); // the first QueuePause found no AMI
            }
            return true;
        }
        return pausedForWrapup && takeOver(state);
    }

    /**
     * Asterisk has the agent paused for a wrap-up this run did not start (dialerd restarted
     * during it). It continues from the previous run's row, until the longest wrap-up the
     * agent's queues give (the call it followed is not known); with no row, or past that time,
     * the agent is unpaused now: nothing else would ever unpause it.
     */
    private boolean takeOver(AgentState state) {
        AuditStore.OpenRow row = times.breakId().map(id -> engine.records().takeInheritedHold(state, id))
                .orElse(null);
        LocalDateTime now = engine.now();
        LocalDateTime end = row == null ? now : row.start().plus(times.longestFrom(state.queues));
        if (!end.isAfter(now)) {
            log.info("agent {} is paused in Asterisk for a wrap-up that is over: unpausing it", state.number());
            if (row != null) {
                engine.records().close(row.id(), row.start(), end);
            }
            engine.pauseInQueues(state, false, "");
            return true;
        }
        AgentView.Wrapup wrapup = new AgentView.Wrapup(row.start(), end);
        state.wrapup = wrapup;
        state.wrapupAudit = row.id();
        state.wrapupPaused = true;
        state.pauseChanges++;
        arm(state, wrapup, Duration.between(now, end));
        log.info("agent {}: wrap-up continues (audit row {} since {}, until {})", state.number(), row.id(),
                row.start(), end);
        engine.publish(state);
        engine.emit(new AgentEvent.WrapupStart(state.number(), row.start(), end, null, null, null));
        return true;
    }
}
