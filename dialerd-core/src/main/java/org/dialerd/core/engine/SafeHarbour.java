package org.dialerd.core.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.dialer.SafeHarbourTarget;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.stats.AbandonCounter;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safe-harbour message: a campaign call that a person answered and that is still waiting
 * in the campaign queue, with no agent, 2 s after the answer is redirected to the campaign's
 * safe-harbour target ({@code dialerd_campaign_options.safe_harbour}), whose dialplan plays
 * the message and hangs up. The call stays followed until that hang-up and ends Abandoned,
 * with {@code calls.failure_cause_txt} 'SafeHarbour'. A campaign without a target: nothing is
 * done (the call waits in the queue as the reference has it); it counts abandoned all the same
 * ({@link AbandonCounter}). Runs on the engine thread; the 2 s are the engine scheduler's.
 */
final class SafeHarbour {
    private static final Logger log = LoggerFactory.getLogger(SafeHarbour.class);
    private static final Duration MIN_RECHECK = Duration.ofMillis(50);

    private final AgentEngine engine;
    /** The shared read of dialerd_campaign_options: a web UI edit applies to the next call (within about 1 s). */
    private final CampaignOptionsCache options;
    private final EngineWrites writes;
    /** Targets already reported unusable, so each is logged once. */
    private final Set<String> refused = new HashSet<>();

    SafeHarbour(AgentEngine engine, CampaignOptionsCache options, EngineWrites writes) {
        this.engine = engine;
        this.options = options;
        this.writes = writes;
    }

    /** The customer answered: checked again when the rule's 2 s are over. */
    void answered(OutboundCall call) {
        if (call.scheduledFor == null) { // a scheduled call goes to its reserved agent, not the queue
            engine.scheduler().schedule(AbandonCounter.RULE, () -> check(call));
        }
    }

    private void check(OutboundCall call) {
        if (call.ended || call.linkStart != null || call.joined == null || call.safeHarbour) {
            return; // gone, taken in time, or not in the queue (still in the dialplan before Queue())
        }
        // The rule is on the engine's clock, the delay on its scheduler: a clock that runs behind
        // (the simulator's virtual time in tests) is waited for rather than acted before.
        Duration left = AbandonCounter.RULE.minus(Duration.between(call.answered, engine.now()));
        if (!left.isNegative() && !left.isZero()) {
            engine.scheduler().schedule(left.compareTo(MIN_RECHECK) < 0 ? MIN_RECHECK : left, () -> check(call));
            return;
        }
        Optional<SafeHarbourTarget> target = target(call.campaignId);
        if (target.isEmpty()) {
            return;
        }
        SafeHarbourTarget to = target.get();
        call.safeHarbour = true;
        log.info("campaign {} call {}: no agent 2 s after the answer; safe-harbour message at {}", call.campaignId,
                call.callId, to);
        writes.write(new JournalRecord.OutgoingSafeHarbour(call.callId, to.toString(), engine.now()));
        engine.metrics.safeHarbour(call.campaignId);
        engine.pbx().send(new PbxAction.Redirect(call.channel, to.context(), to.exten(), to.priority(), "", "", "", 0))
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        // The customer stays in the queue; the call still counts abandoned.
                        log.warn("campaign {} call {}: safe-harbour redirect of {} failed: {}", call.campaignId,
                                call.callId, call.channel, error.toString());
                    }
                });
    }

    private Optional<SafeHarbourTarget> target(int campaignId) {
        Optional<String> value = options.of(campaignId).safeHarbour();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SafeHarbourTarget.parse(value.get()));
        } catch (IllegalArgumentException e) {
            if (refused.add(value.get())) {
                log.warn("campaign {}: dialerd_campaign_options.{}; no safe-harbour message is played", campaignId,
                        e.getMessage());
            }
            return Optional.empty();
        }
    }
}
