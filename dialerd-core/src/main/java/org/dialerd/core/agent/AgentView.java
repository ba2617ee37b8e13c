package org.dialerd.core.agent;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of one agent as the engine last saw it. Request handlers read these
 * without locks; the engine publishes a new one on every change.
 *
 * @param logging   a login is in progress (status stays offline until it completes)
 * @param channel   the Asterisk channel (static agents) or queue interface (dynamic) of the login
 * @param extension the extension the agent logged in on
 * @param queues    queues the agent is a member of, as Asterisk reports them, sorted
 * @param call      the call the agent is linked to, if any
 * @param statusSince since when the agent is in its current state (status, and on hold or not):
 *                    what a console shows as time in state, also after it reconnects
 * @param wrapup    the after-call work the agent is in, if any (status paused: the queues give it no call)
 */
public record AgentView(Agent agent, AgentStatus status, boolean logging, Optional<String> channel,
                        Optional<String> extension, boolean onHold, Optional<Pause> pause, List<String> queues,
                        Optional<LocalDateTime> loginStart, Optional<CallLink> call,
                        Optional<LocalDateTime> statusSince, Optional<Wrapup> wrapup) {

    /** The break an agent is on. */
    public record Pause(int breakId, String breakName, LocalDateTime start) {}

    /** After-call work: from the end of the agent's call until {@code end}, unless ended earlier. */
    public record Wrapup(LocalDateTime start, LocalDateTime end) {
        /** Whole seconds until the wrap-up ends by itself, never negative. */
        public long secondsLeft(LocalDateTime now) {
            return Math.max(0, java.time.Duration.between(now, end).toSeconds());
        }
    }

    public AgentView {
        queues = List.copyOf(queues);
    }

    /** A view whose time in state is not known, not in wrap-up. */
    public AgentView(Agent agent, AgentStatus status, boolean logging, Optional<String> channel,
                     Optional<String> extension, boolean onHold, Optional<Pause> pause, List<String> queues,
                     Optional<LocalDateTime> loginStart, Optional<CallLink> call) {
        this(agent, status, logging, channel, extension, onHold, pause, queues, loginStart, call, Optional.empty(),
                Optional.empty());
    }

    public static AgentView offline(Agent agent) {
        return new AgentView(agent, AgentStatus.OFFLINE, false, Optional.empty(), Optional.empty(), false,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    public boolean isLoggedIn() {
        return status != AgentStatus.OFFLINE;
    }
}
