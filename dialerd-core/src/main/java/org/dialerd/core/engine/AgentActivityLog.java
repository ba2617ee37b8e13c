package org.dialerd.core.engine;

import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INFO lines an administrator follows agents' breaks and calls by, written from the engine's
 * events (logins and logouts are logged by the engine itself, which knows why they happened).
 * Holds go to DEBUG. Runs on the engine thread, as every listener: it only formats a line.
 */
public final class AgentActivityLog implements EngineListener {
    private static final Logger log = LoggerFactory.getLogger(AgentActivityLog.class);

    private final AgentService agents;

    /** {@code agents}: where the agent's extension is looked up. */
    public AgentActivityLog(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (event instanceof AgentEvent.PauseStart e) {
            if (e.breakId() == null) {
                log.debug("agent {} on extension {} put the call on hold", e.agentNumber(), extension(e.agentNumber()));
            } else {
                log.info("agent {} on extension {} started break '{}' ({})", e.agentNumber(),
                        extension(e.agentNumber()), e.breakName(), e.breakId());
            }
        } else if (event instanceof AgentEvent.PauseEnd e) {
            if (e.breakId() == null) {
                log.debug("agent {} on extension {} took the call off hold after {} s", e.agentNumber(),
                        extension(e.agentNumber()), e.durationSeconds());
            } else {
                log.info("agent {} on extension {} ended break '{}' ({}) after {} s", e.agentNumber(),
                        extension(e.agentNumber()), e.breakName(), e.breakId(), e.durationSeconds());
            }
        } else if (event instanceof AgentEvent.AgentLinked e) {
            CallLink call = e.call();
            log.info("agent {} linked to {} call {} from/to {} ({})", e.agentNumber(), call.callType(),
                    call.callId(), call.phone(), call.uniqueId());
        } else if (event instanceof AgentEvent.AgentUnlinked e) {
            CallLink call = e.call();
            log.info("agent {} unlinked from {} call {} from/to {} after {} s{}", e.agentNumber(), call.callType(),
                    call.callId(), call.phone(), e.durationSeconds(), e.shortCall() ? " (short call)" : "");
        }
    }

    private String extension(String agentNumber) {
        return agents.view(agentNumber).flatMap(AgentView::extension).orElse("(none)");
    }
}
