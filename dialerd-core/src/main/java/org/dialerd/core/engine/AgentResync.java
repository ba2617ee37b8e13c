package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every (re)connection to Asterisk, rebuilds agent state from what Asterisk reports
 * (Agents, QueueStatus): events lost while AMI was down, an Asterisk restart, or a dialerd
 * restart while agents stayed logged in. Agents Asterisk no longer knows are logged out (their
 * audit rows closed) instead of staying stuck; static agents Asterisk reports logged in are
 * taken over. Replies are handled on the engine thread.
 */
final class AgentResync {
    private static final Logger log = LoggerFactory.getLogger(AgentResync.class);

    private final AgentEngine engine;
    /**
     * Logins as they stood when the resync began: only those may be ended by what Asterisk
     * reports, so a login completing while the resync runs is not mistaken for a stale one.
     */
    private final Map<String, LocalDateTime> loginsAtStart = new HashMap<>();
    /** For the one summary line: what Asterisk reported and what changed. */
    private int agentsReported;
    private int membersReported;
    private int takenOver;
    private int loggedOut;
    private int membershipsUpdated;

    AgentResync(AgentEngine engine) {
        this.engine = engine;
        for (AgentState state : engine.states()) {
            if (state.loggedIn) {
                loginsAtStart.put(state.number(), state.loginStart);
            }
        }
    }

    private boolean loggedInSinceStart(AgentState state) {
        return state.loggedIn && Objects.equals(loginsAtStart.get(state.number()), state.loginStart)
                && loginsAtStart.containsKey(state.number());
    }

    CompletableFuture<Void> run() {
        CompletableFuture<Void> agents = engine.sendOnEngine(new PbxAction.Agents()).thenAccept(this::staticAgents);
        return agents.thenCompose(v -> engine.sendOnEngine(new PbxAction.QueueStatus("")))
                .thenAccept(this::queueMembers)
                .thenRun(() -> log.info("agents resynchronised with Asterisk: {} agents and {} queue members "
                        + "reported; {} logins taken over, {} agents logged out, {} queue memberships updated",
                        agentsReported, membersReported, takenOver, loggedOut, membershipsUpdated))
                .exceptionally(error -> {
                    log.warn("agent resync with Asterisk failed: {}", error.toString());
                    return null;
                });
    }

    private void staticAgents(PbxReply reply) {
        if (!reply.success()) {
            log.info("Agents list not available ({}); static agents not resynchronised", reply.message());
            return;
        }
        Map<String, Map<String, String>> reported = new HashMap<>();
        for (Map<String, String> item : reply.items()) {
            reported.put("Agent/" + item.getOrDefault("Agent", ""), item);
        }
        agentsReported = reported.size();
        for (AgentState state : engine.states()) {
            if (!state.agent.type().isStatic()) {
                continue;
            }
            Map<String, String> item = reported.get(state.number());
            boolean loggedInThere = item != null && !"AGENT_LOGGEDOFF".equals(item.get("Status"))
                    && !item.getOrDefault("Status", "").isEmpty();
            if (loggedInThere && !state.loggedIn && !state.loggingIn) {
                String channel = item.getOrDefault("Channel", "");
                state.channel = channel.isEmpty() ? null : channel;
                state.extension = channel.isEmpty() ? null : AgentPbxEvents.extensionOf(channel);
                log.info("agent {} is logged in on Asterisk: taking it over", state.number());
                engine.loggedIn(state);
                takenOver++;
            } else if (!loggedInThere && loggedInSinceStart(state)) {
                engine.loggedOut(state, "Asterisk reports it logged off");
                loggedOut++;
            }
        }
    }

    private void queueMembers(PbxReply reply) {
        if (!reply.success()) {
            log.info("QueueStatus not available ({}); queue membership not resynchronised", reply.message());
            return;
        }
        List<PbxEvent.QueueMember> members = reply.items().stream()
                .filter(item -> item.containsKey("Location"))
                .map(AgentResync::member)
                .toList();
        membersReported = members.size();
        for (AgentState state : engine.states()) {
            Set<String> queues = new TreeSet<>();
            for (PbxEvent.QueueMember member : members) {
                if (engine.isMember(state, member)) {
                    queues.add(member.queue());
                }
            }
            if (!queues.equals(state.queues)) {
                state.queues.clear();
                state.queues.addAll(queues);
                membershipsUpdated++;
                engine.publish(state);
                engine.emit(new AgentEvent.QueueMembership(state.number(), state.view(),
                        state.queues.stream().toList()));
            }
            if (loggedInSinceStart(state) && !state.agent.type().isStatic() && queues.isEmpty()) {
                engine.loggedOut(state, "no longer a member of any queue");
                loggedOut++;
            }
        }
    }

    private static PbxEvent.QueueMember member(Map<String, String> item) {
        return new PbxEvent.QueueMember(item.getOrDefault("Queue", ""), item.getOrDefault("Name", ""),
                item.getOrDefault("Location", ""), item.getOrDefault("StateInterface", ""),
                item.getOrDefault("Membership", ""), number(item.get("Penalty")), number(item.get("CallsTaken")),
                number(item.get("Status")), "1".equals(item.get("Paused")), item.getOrDefault("PausedReason", ""),
                "1".equals(item.get("InCall")));
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
