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

    /** An agent that is not logged in. */
    public static AgentView offline(Agent agent) {
        return builder(agent, AgentStatus.OFFLINE).build();
    }

    /**
     * A view of {@code agent} in {@code status}; what the builder is not told is absent (not
     * logging in, not on hold, no queues). Adding a field touches only the callers that set it.
     */
    public static Builder builder(Agent agent, AgentStatus status) {
        return new Builder(agent, status);
    }

    /** Optional parts by name; a null value leaves the part absent. */
    public static final class Builder {
        private final Agent agent;
        private final AgentStatus status;
        private boolean logging;
        private String channel;
        private String extension;
        private boolean onHold;
        private Pause pause;
        private List<String> queues = List.of();
        private LocalDateTime loginStart;
        private CallLink call;
        private LocalDateTime statusSince;
        private Wrapup wrapup;

        private Builder(Agent agent, AgentStatus status) {
            this.agent = agent;
            this.status = status;
        }

        public Builder logging(boolean logging) {
            this.logging = logging;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder extension(String extension) {
            this.extension = extension;
            return this;
        }

        public Builder onHold(boolean onHold) {
            this.onHold = onHold;
            return this;
        }

        public Builder pause(Pause pause) {
            this.pause = pause;
            return this;
        }

        public Builder queues(List<String> queues) {
            this.queues = queues;
            return this;
        }

        public Builder loginStart(LocalDateTime loginStart) {
            this.loginStart = loginStart;
            return this;
        }

        public Builder call(CallLink call) {
            this.call = call;
            return this;
        }

        public Builder statusSince(LocalDateTime statusSince) {
            this.statusSince = statusSince;
            return this;
        }

        public Builder wrapup(Wrapup wrapup) {
            this.wrapup = wrapup;
            return this;
        }

        public AgentView build() {
            return new AgentView(agent, status, logging, Optional.ofNullable(channel), Optional.ofNullable(extension),
                    onHold, Optional.ofNullable(pause), queues, Optional.ofNullable(loginStart),
                    Optional.ofNullable(call), Optional.ofNullable(statusSince), Optional.ofNullable(wrapup));
        }
    }

    public boolean isLoggedIn() {
        return status != AgentStatus.OFFLINE;
    }
}
