package org.dialerd.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.store.BreakStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk's pause state is the truth. Whatever paused or unpaused a member — pauseagent, a
 * QueuePause whose answer was lost, someone at the CLI, a dialerd restart — the agent's break
 * follows what Asterisk reports (QueueMemberPause/Status events, QueueStatus at resync): the
 * PausedReason maps back to the break by name (the reference uses the break's name as Reason).
 * An agent counts as paused while any of its queues has it paused. Pauses with the hold reason
 * belong to {@link HoldControl}, those with the wrap-up reason to {@link WrapupControl}. Engine
 * thread only.
 */
final class PauseSync {
    private static final Logger log = LoggerFactory.getLogger(PauseSync.class);

    private final AgentEngine engine;
    private Map<String, BreakStore.Break> byName = Map.of();

    PauseSync(AgentEngine engine) {
        this.engine = engine;
    }

    /** The breaks (tipo 'B') as last read; the first of a name wins. */
    void breaks(List<BreakStore.Break> breaks) {
        Map<String, BreakStore.Break> next = new HashMap<>();
        breaks.forEach(b -> next.putIfAbsent(b.name(), b));
        byName = next;
    }

    /** One queue's word on the agent: an event about its membership there. */
    void reported(AgentState state, String queue, boolean paused, String reason) {
        if (!state.loggedIn || HoldControl.HOLD_REASON.equals(reason) && paused
                || engine.wrapups().reported(state, paused, reason)) {
            return;
        }
        if (paused) {
            state.pausedIn.add(queue);
            if (state.pause == null) {
                log.info("agent {} paused in Asterisk (queue {}, reason '{}')", state.number(), queue, reason);
                startFromReason(state, reason);
            }
        } else if (state.pausedIn.remove(queue) && state.pausedIn.isEmpty() && state.pause != null) {
            log.info("agent {} unpaused in Asterisk (queue {}): break '{}' ends", state.number(), queue,
                    state.pause.breakName());
            engine.records().endPause(state);
        }
    }

    /**
     * Every queue's word at once (QueueStatus at resync): {@code pausedQueues} maps each queue
     * that has the agent paused to its reason. Call after the agent's queues were updated.
     * {@code changesAtStart}: the agent's {@link AgentState#pauseChanges} when the resync began;
     * a break that began or ended since is newer than the snapshot, which then says nothing.
     * Returns whether the agent's pause state changed (a break started or ended, a hold's pause lifted).
     */
    boolean snapshot(AgentState state, Map<String, String> pausedQueues, int changesAtStart) {
        if (!state.loggedIn || state.onHold || state.pauseChanges != changesAtStart || state.requestedBreak != null) {
            return false; // a hold pauses the queues on purpose; a newer pause state beats the snapshot
        }
        boolean wrapupCorrected = engine.wrapups().snapshot(state,
                pausedQueues.containsValue(WrapupControl.REASON));
        Map<String, String> paused = new HashMap<>(pausedQueues);
        paused.values().removeIf(WrapupControl.REASON::equals); // the wrap-up's pause is no break
        return breakSnapshot(state, paused) || wrapupCorrected;
    }

    private boolean breakSnapshot(AgentState state, Map<String, String> pausedQueues) {
        state.pausedIn.clear();
        state.pausedIn.addAll(pausedQueues.keySet());
        if (pausedQueues.isEmpty()) {
            if (state.pause != null && !state.queues.isEmpty()) {
                log.info("agent {} is not paused in Asterisk: break '{}' ends", state.number(),
                        state.pause.breakName());
                engine.records().endPause(state);
                return true;
            }
            return false;
        }
        // Paused for a hold dialerd does not know of (it restarted during the hold): the hold goes
        // on if the customer is still parked.
        boolean held = pausedQueues.containsValue(HoldControl.HOLD_REASON) && engine.holds().reattach(state);
        if (state.pause != null) {
            return held;
        }
        Optional<String> reason = pausedQueues.values().stream().filter(r -> !HoldControl.HOLD_REASON.equals(r))
                .findFirst();
        if (reason.isEmpty()) {
            state.pausedIn.clear();
            if (!held) {
                // The hold ended while dialerd was not looking: nothing else would ever unpause
                // the agent, and the queue would give it no calls.
                log.info("agent {} is paused for a hold whose call is gone: unpausing it", state.number());
                engine.pauseInQueues(state, false, "");
            }
            return true; // the hold was taken back or ended: a correction either way
        }
        log.info("agent {} is paused in Asterisk (reason '{}')", state.number(), reason.get());
        startFromReason(state, reason.get());
        return true;
    }

    private void startFromReason(AgentState state, String reason) {
        AgentView.Pause requested = state.requestedBreak;
        if (requested != null && (requested.breakName().equals(reason) || reason.isEmpty())) {
            engine.records().startPause(state, requested.breakId(), requested.breakName());
            return;
        }
        BreakStore.Break found = byName.get(reason);
        if (found == null) {
            log.warn("agent {} is paused in Asterisk with reason '{}', which names no break: shown paused "
                    + "without a break (no audit row)", state.number(), reason);
            engine.records().startPause(state, 0, reason);
        } else {
            engine.records().startPause(state, found.id(), found.name());
        }
    }
}
