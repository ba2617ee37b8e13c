package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.TreeSet;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;

/** One agent's live state. Touched only on the engine thread. */
final class AgentState {
    Agent agent;
    boolean loggingIn;
    boolean loggedIn;
    String extension;
    /** Static: the channel running AgentLogin. Dynamic: the queue interface. */
    String channel;
    /** The interface the agent is a queue member with. */
    String memberInterface;
    String loginActionId;
    EngineScheduler.Cancellable loginTimer;
    EngineScheduler.Cancellable pingTimer;
    java.time.Duration pingTimeout;
    LocalDateTime loginStart;
    /** Counts logouts and failed logins: a resync's snapshot of a login only applies if none came meanwhile. */
    int loginChanges;
    /** Audit row ids (assigned by dialerd), null when no row is open. */
    Long sessionAudit;
    AgentView.Pause pause;
    Long pauseAudit;
    /** The break a pauseagent being carried out asked for: Asterisk's QueueMemberPause names it. */
    AgentView.Pause requestedBreak;
    /** Counts breaks begun and ended: a resync's snapshot only applies if none changed meanwhile. */
    int pauseChanges;
    /** Queues in which Asterisk last reported the agent paused (not for a hold). */
    final TreeSet<String> pausedIn = new TreeSet<>();
    boolean onHold;
    final TreeSet<String> queues = new TreeSet<>();
    /** The incoming call the agent is linked to (set by the call trackers). */
    LiveCall call;
    /** The campaign call the agent is linked to. */
    OutboundCall outboundCall;
    /** While on hold: when it began, where the customer is parked, the hold audit row. */
    LocalDateTime holdStart;
    String parkingSpace;
    Long holdAudit;
    /** In after-call work ({@link WrapupControl}): its span, audit row, timer and the call it follows. */
    AgentView.Wrapup wrapup;
    Long wrapupAudit;
    EngineScheduler.Cancellable wrapupTimer;
    CallLink wrapupCall;
    /** Asterisk confirmed the wrap-up's QueuePause: from then on an unpause it reports is someone else's. */
    boolean wrapupPaused;

    /** The state last published (status, and on hold or not), and when it began. Survive logouts. */
    private String shownState;
    private LocalDateTime stateSince;

    AgentState(Agent agent) {
        this.agent = agent;
    }

    /** Notes when the state a console shows changed, for {@link AgentView#statusSince()}. */
    void noteState(LocalDateTime now) {
        String shown = status() + (onHold ? "+hold" : "");
        if (!shown.equals(shownState)) {
            shownState = shown;
            stateSince = now;
        }
    }

    private AgentStatus status() {
        return !loggedIn ? AgentStatus.OFFLINE
                : pause != null ? AgentStatus.PAUSED
                : call != null || outboundCall != null ? AgentStatus.ONCALL
                : wrapup != null ? AgentStatus.PAUSED
                : AgentStatus.ONLINE;
    }

    /**
     * The start of the state: a break's or hold's own start (a break taken over after a restart
     * began before this run saw it), the link of the call, else when the engine saw it change.
     */
    private Optional<LocalDateTime> statusSince(AgentStatus status) {
        LocalDateTime since = onHold && holdStart != null ? holdStart
                : status == AgentStatus.PAUSED && pause != null ? pause.start()
                : status == AgentStatus.ONCALL && call != null && call.linkStart != null ? call.linkStart
                : status == AgentStatus.ONCALL && outboundCall != null && outboundCall.linkStart != null
                        ? outboundCall.linkStart
                : stateSince;
        return Optional.ofNullable(since);
    }

    String number() {
        return agent.channel();
    }

    AgentView view() {
        AgentStatus status = status();
        boolean showLine = loggedIn || loggingIn;
        return AgentView.builder(agent, status).logging(loggingIn && !loggedIn)
                .channel(showLine ? channel : null).extension(showLine ? extension : null)
                .onHold(onHold).pause(pause).queues(queues.stream().toList()).loginStart(loginStart)
                .call(call != null ? call.link() : outboundCall != null ? outboundCall.link() : null)
                .statusSince(statusSince(status).orElse(null)).wrapup(wrapup).build();
    }

    void cancelTimers() {
        if (loginTimer != null) {
            loginTimer.cancel();
            loginTimer = null;
        }
        if (pingTimer != null) {
            pingTimer.cancel();
            pingTimer = null;
        }
    }

    void clearWrapup() {
        if (wrapupTimer != null) {
            wrapupTimer.cancel();
        }
        wrapup = null;
        wrapupAudit = null;
        wrapupTimer = null;
        wrapupCall = null;
        wrapupPaused = false;
    }

    /** Back to logged out; queue membership as Asterisk reports it is kept. */
    void reset() {
        cancelTimers();
        loginChanges++;
        loggingIn = false;
        loggedIn = false;
        extension = null;
        channel = null;
        loginActionId = null;
        loginStart = null;
        sessionAudit = null;
        pause = null;
        pauseAudit = null;
        requestedBreak = null;
        pausedIn.clear();
        onHold = false;
        holdStart = null;
        parkingSpace = null;
        holdAudit = null;
        clearWrapup();
        pingTimeout = null;
        if (!agent.type().isStatic()) {
            memberInterface = null;
        }
    }
}
