package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.metrics.ResyncCorrection;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every (re)connection to Asterisk, and every {@code ami.resync_interval} while it stays
 * connected ({@link PeriodicResync}), rebuilds state from what Asterisk reports
 * (CoreShowChannels, Agents, QueueStatus, asked at once): events lost while AMI was down or
 * lost while it was up, an Asterisk restart, or a dialerd restart while agents stayed logged
 * in. In that order: calls Asterisk no longer has end (agentunlinked, {@link CallReconciler};
 * click-to-call calls are brought up to date by {@link ClickToCallRecovery});
 * agents it no longer knows are logged out (audit closed, agentloggedout); static and dynamic
 * members it has logged in are taken over with their pause state ({@link PauseSync}); audit
 * rows a previous run left open are then settled ({@link AgentRecords}). Replies are handled on
 * the engine thread; a list that did not come leaves its part for the next resync. What
 * changed while the lists were on their way (a login, a logout, a break, a queue joined or
 * left) is newer than the lists and is left as it is. What it set right goes to one
 * {@link ResyncReport}.
 */
final class AgentResync {
    private static final Logger log = LoggerFactory.getLogger(AgentResync.class);

    /** Why a pass runs: the label of the runs counter. */
    enum Trigger {
        CONNECTED("connected"),
        PERIODIC("periodic");

        private final String label;

        Trigger(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final AgentEngine engine;
    private final CallReconciler calls;
    private final CallTakeover takeover;
    private final ResyncReport report;
    /** Click-to-call's part (null without click-to-call) and the calls it may judge. */
    private final ClickToCallRecovery clickToCall;
    private final List<ClickToCallCalls.Dialing> clickToCallsAtStart;
    /**
     * Logins as they stood when the resync began: only those may be ended by what Asterisk
     * reports, so a login completing while the resync runs is not mistaken for a stale one.
     */
    private final Map<String, LocalDateTime> loginsAtStart = new HashMap<>();
    /** Each agent's login changes when the resync began: a logout since beats the snapshot's login. */
    private final Map<String, Integer> loginChangesAtStart = new HashMap<>();
    /** Each agent's pause changes when the resync began: a break decided since beats the snapshot. */
    private final Map<String, Integer> pausesAtStart = new HashMap<>();
    /** Each agent's queues when the resync began: a membership event since beats the snapshot. */
    private final Map<String, Set<String>> queuesAtStart = new HashMap<>();

    AgentResync(AgentEngine engine, CallTakeover takeover, Trigger trigger) {
        this.engine = engine;
        this.takeover = takeover;
        this.report = new ResyncReport(trigger);
        this.calls = new CallReconciler(engine);
        this.clickToCall = engine.clickToCallRecovery();
        this.clickToCallsAtStart = clickToCall == null ? List.of() : clickToCall.judged();
        for (AgentState state : engine.states()) {
            if (state.loggedIn) {
                loginsAtStart.put(state.number(), state.loginStart);
            }
            loginChangesAtStart.put(state.number(), state.loginChanges);
            pausesAtStart.put(state.number(), state.pauseChanges);
            queuesAtStart.put(state.number(), Set.copyOf(state.queues));
        }
    }

    private boolean loggedInSinceStart(AgentState state) {
        return state.loggedIn && loginsAtStart.containsKey(state.number())
                && Objects.equals(loginsAtStart.get(state.number()), state.loginStart);
    }

    /** Logged out when the resync began and nothing about its login happened since. */
    private boolean loggedOutSinceStart(AgentState state) {
        return !state.loggedIn && !state.loggingIn && !loginsAtStart.containsKey(state.number())
                && loginChangesAtStart.getOrDefault(state.number(), -1) == state.loginChanges;
    }

    /** Its queues are as they were when the resync began (no membership event came meanwhile). */
    private boolean queuesUnchangedSinceStart(AgentState state) {
        return state.queues.equals(queuesAtStart.getOrDefault(state.number(), Set.of()));
    }

    CompletableFuture<Void> run() {
        CompletableFuture<Optional<PbxReply>> channels = ask(new PbxAction.CoreShowChannels());
        CompletableFuture<Optional<PbxReply>> agents = ask(new PbxAction.Agents());
        CompletableFuture<Optional<PbxReply>> members = ask(new PbxAction.QueueStatus(""));
        return CompletableFuture.allOf(channels, agents, members)
                .thenComposeAsync(v -> channels.join().map(takeover::apply)
                        .orElse(CompletableFuture.completedFuture(null)), engine.scheduler())
                .thenRunAsync(() -> {
            channels.join().ifPresent(list -> report.corrected(ResyncCorrection.CALL_ENDED, calls.apply(list)
                    + (clickToCall == null ? 0 : clickToCall.resync(list, clickToCallsAtStart))));
            boolean agentsKnown = agents.join().map(this::staticAgents).orElse(false);
            boolean membersKnown = members.join().map(this::queueMembers).orElse(false);
            if (clickToCall != null) {
                clickToCall.afterAgentsTakenOver();
            }
            if (agentsKnown && membersKnown && engine.records().inheriting()) {
                engine.records().closeInherited();
            }
            report.finish(engine.metrics);
        }, engine.scheduler()).exceptionally(error -> {
            log.warn("agent resync with Asterisk failed: {}", error.toString());
            return null;
        });
    }

    /** The reply, or empty when it did not come (logged): the rest of the resync still runs. */
    private CompletableFuture<Optional<PbxReply>> ask(PbxAction action) {
        return engine.sendOnEngine(action).thenApply(reply -> {
            if (!reply.success()) {
                log.warn("resync: {} not available ({}); that part waits for the next resync",
                        action.getClass().getSimpleName(), reply.message());
                return Optional.empty();
            }
            return Optional.of(reply);
        });
    }

    private boolean staticAgents(PbxReply reply) {
        Map<String, Map<String, String>> reported = new HashMap<>();
        for (Map<String, String> item : reply.items()) {
            reported.put("Agent/" + item.getOrDefault("Agent", ""), item);
        }
        report.agentsReported = reported.size();
        for (AgentState state : engine.states()) {
            if (!state.agent.type().isStatic()) {
                continue;
            }
            Map<String, String> item = reported.get(state.number());
            boolean loggedInThere = item != null && !"AGENT_LOGGEDOFF".equals(item.get("Status"))
                    && !item.getOrDefault("Status", "").isEmpty();
            if (loggedInThere && loggedOutSinceStart(state)) {
                String channel = item.getOrDefault("Channel", "");
                state.channel = channel.isEmpty() ? null : channel;
                state.extension = channel.isEmpty() ? null : AgentPbxEvents.extensionOf(channel);
                log.info("agent {} is logged in on Asterisk: taking it over", state.number());
                engine.loggedIn(state);
                report.corrected(ResyncCorrection.AGENT_TAKEN_OVER);
            } else if (!loggedInThere && loggedInSinceStart(state)) {
                engine.loggedOut(state, "Asterisk reports it logged off");
                report.corrected(ResyncCorrection.AGENT_LOGGED_OUT);
            }
        }
        return true;
    }

    private boolean queueMembers(PbxReply reply) {
        List<PbxEvent.QueueMember> members = reply.items().stream()
                .filter(item -> item.containsKey("Location"))
                .map(AgentResync::member)
                .toList();
        takeOverDynamicMembers(members);
        report.membersReported = members.size();
        for (AgentState state : engine.states()) {
            Set<String> queues = new TreeSet<>();
            Map<String, String> paused = new LinkedHashMap<>();
            for (PbxEvent.QueueMember member : members) {
                if (engine.isMember(state, member)) {
                    queues.add(member.queue());
                    if (member.paused()) {
                        paused.put(member.queue(), member.pausedReason());
                    }
                }
            }
            if (!queuesUnchangedSinceStart(state)) {
                continue; // an event since the list was made is newer: it stands, pauses included
            }
            if (!queues.equals(state.queues)) {
                state.queues.clear();
                state.queues.addAll(queues);
                report.corrected(ResyncCorrection.MEMBERSHIP_UPDATED);
                engine.publish(state);
                engine.emit(new AgentEvent.QueueMembership(state.number(), state.view(),
                        state.queues.stream().toList()));
            }
            if (loggedInSinceStart(state) && !state.agent.type().isStatic() && queues.isEmpty()) {
                engine.loggedOut(state, "no longer a member of any queue");
                report.corrected(ResyncCorrection.AGENT_LOGGED_OUT);
            } else if (engine.pauses().snapshot(state, paused, pausesAtStart.getOrDefault(state.number(), 0))) {
                report.corrected(ResyncCorrection.PAUSE_CORRECTED);
            }
        }
        return true;
    }

    /**
     * A dynamic agent dialerd has logged out but Asterisk has as a member (dialerd restarted, or
     * a QueueRemove went unanswered) is logged in: Asterisk gives it calls. Recognised by its
     * interface ({@code SIP/1064}) or, when unique, its member name (the one loginagent gave).
     */
    private void takeOverDynamicMembers(List<PbxEvent.QueueMember> members) {
        Map<String, AgentState> byName = new HashMap<>();
        Map<String, AgentState> byInterface = new HashMap<>();
        Set<String> ambiguous = new TreeSet<>();
        Set<String> claimed = new TreeSet<>();
        for (AgentState state : engine.states()) {
            if (state.agent.type().isStatic()) {
                continue;
            }
            byInterface.put(state.number(), state);
            if (byName.put(state.agent.name(), state) != null) {
                ambiguous.add(state.agent.name());
            }
            if (state.memberInterface != null && (state.loggedIn || state.loggingIn)) {
                claimed.add(state.memberInterface);
            }
        }
        ambiguous.forEach(byName::remove);
        for (PbxEvent.QueueMember member : members) {
            if (!"dynamic".equalsIgnoreCase(member.membership()) || claimed.contains(member.iface())) {
                continue;
            }
            AgentState state = byInterface.getOrDefault(member.iface(), byName.get(member.memberName()));
            if (state == null || !loggedOutSinceStart(state)) {
                continue;
            }
            state.memberInterface = member.iface();
            state.channel = member.iface();
            state.extension = AgentPbxEvents.extensionOf(member.iface());
            claimed.add(member.iface());
            log.info("agent {} is a member of queue {} as {} on Asterisk: taking it over", state.number(),
                    member.queue(), member.iface());
            engine.loggedIn(state);
            report.corrected(ResyncCorrection.AGENT_TAKEN_OVER);
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
