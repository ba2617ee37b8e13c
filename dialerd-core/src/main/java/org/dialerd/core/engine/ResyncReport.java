package org.dialerd.core.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialerd.core.metrics.EngineMetrics;
import org.dialerd.core.metrics.ResyncCorrection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one resync found and set right, said once at its end: after a connection always (one
 * INFO summary); a periodic pass at INFO only when it corrected something, naming what, and at
 * DEBUG otherwise, so a healthy system logs nothing every interval. Counts go to the
 * {@link EngineMetrics} (runs by trigger, corrections by kind). Engine thread.
 */
final class ResyncReport {
    private static final Logger log = LoggerFactory.getLogger(AgentResync.class);

    private final AgentResync.Trigger trigger;
    private final Map<ResyncCorrection, Integer> corrections = new EnumMap<>(ResyncCorrection.class);
    int agentsReported;
    int membersReported;

    ResyncReport(AgentResync.Trigger trigger) {
        this.trigger = trigger;
    }

    void corrected(ResyncCorrection kind) {
        corrected(kind, 1);
    }

    void corrected(ResyncCorrection kind, int count) {
        if (count > 0) {
            corrections.merge(kind, count, Integer::sum);
        }
    }

    int count(ResyncCorrection kind) {
        return corrections.getOrDefault(kind, 0);
    }

    void finish(EngineMetrics metrics) {
        metrics.resyncRun(trigger.label());
        corrections.forEach(metrics::resyncCorrected);
        if (trigger == AgentResync.Trigger.CONNECTED) {
            log.info("agents resynchronised with Asterisk: {} agents and {} queue members reported; {} logins "
                    + "taken over, {} agents logged out, {} queue memberships updated", agentsReported,
                    membersReported, count(ResyncCorrection.AGENT_TAKEN_OVER),
                    count(ResyncCorrection.AGENT_LOGGED_OUT), count(ResyncCorrection.MEMBERSHIP_UPDATED));
        } else if (!corrections.isEmpty()) {
            log.info("periodic resync with Asterisk corrected what dialerd had missed: {}", describe());
        } else {
            log.debug("periodic resync: {} agents and {} queue members reported, nothing to correct",
                    agentsReported, membersReported);
        }
    }

    /** {@code 1 call_ended, 1 agent_logged_out}. */
    String describe() {
        return corrections.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
