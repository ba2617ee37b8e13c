package org.dialerd.core.engine;

import java.util.Optional;
import java.util.TreeSet;
import org.dialerd.core.pbx.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Asterisk's events mean for agents. Runs on the engine thread. */
final class AgentPbxEvents {
    private static final Logger log = LoggerFactory.getLogger(AgentPbxEvents.class);

    private final AgentEngine engine;

    AgentPbxEvents(AgentEngine engine) {
        this.engine = engine;
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.AgentLogin e) {
            agentLogin(e);
        } else if (event instanceof PbxEvent.AgentLogoff e) {
            staticAgent(e.agent()).ifPresent(state -> engine.loggedOut(state, "AgentLogoff"));
        } else if (event instanceof PbxEvent.OriginateResponse e) {
            originateResponse(e);
            engine.callEvent(e);
        } else if (event instanceof PbxEvent.Hangup e) {
            engine.callEvent(e);
            hangup(e);
        } else if (event instanceof PbxEvent.QueueMemberAdded e) {
            membership(e.member(), true);
        } else if (event instanceof PbxEvent.QueueMemberStatus e) {
            membership(e.member(), true);
        } else if (event instanceof PbxEvent.QueueMemberPause e) {
            membership(e.member(), true);
        } else if (event instanceof PbxEvent.QueueMemberRemoved e) {
            membership(e.member(), false);
        } else if (event instanceof PbxEvent.Connected e) {
            log.debug("AMI connected ({}): resynchronising agents and calls", e.asteriskVersion());
            engine.callEvent(e);
            engine.resync();
        } else if (event instanceof PbxEvent.Disconnected e) {
            log.debug("Asterisk connection lost: {}", e.reason()); // the AMI adapter logs it at WARN
        } else {
            engine.callEvent(event);
        }
    }

    private Optional<AgentState> staticAgent(String number) {
        return engine.stateByNumber("Agent/" + number);
    }

    private void agentLogin(PbxEvent.AgentLogin e) {
        staticAgent(e.agent()).ifPresentOrElse(state -> {
            if (state.loggedIn) {
                return;
            }
            state.channel = e.channel();
            if (state.extension == null) {
                state.extension = extensionOf(e.channel());
            }
            engine.loggedIn(state);
        }, () -> log.info("AgentLogin of agent {} that dialerd does not track", e.agent()));
    }

    private void originateResponse(PbxEvent.OriginateResponse e) {
        if (e.success() || !e.actionId().startsWith(AgentEngine.LOGIN_ACTION_PREFIX)) {
            return; // only login calls concern the agents; campaign calls are the dialer's
        }
        for (AgentState state : engine.states()) {
            if (state.loggingIn && e.actionId().equals(state.loginActionId)) {
                engine.failLogin(state, "login call failed (reason " + e.reason() + ")");
                return;
            }
        }
    }

    private void hangup(PbxEvent.Hangup e) {
        for (AgentState state : engine.states()) {
            if (state.loggedIn && state.agent.type().isStatic() && e.channel().equals(state.channel)) {
                engine.loggedOut(state, "login channel hung up");
                return;
            }
        }
    }

    private void membership(PbxEvent.QueueMember member, boolean present) {
        for (AgentState state : engine.states()) {
            if (!engine.isMember(state, member)) {
                continue;
            }
            TreeSet<String> before = new TreeSet<>(state.queues);
            if (present) {
                state.queues.add(member.queue());
                engine.pauses().reported(state, member.queue(), member.paused(), member.pausedReason());
            } else {
                state.queues.remove(member.queue());
                state.pausedIn.remove(member.queue());
            }
            if (!before.equals(state.queues)) {
                engine.publish(state);
                engine.emit(new AgentEvent.QueueMembership(state.number(), state.view(), state.queues.stream().toList()));
                if (!present && state.queues.isEmpty() && state.loggedIn && !state.agent.type().isStatic()) {
                    engine.loggedOut(state, "removed from all queues");
                }
            }
            return;
        }
    }

    /** {@code Local/1001@agents-0000001a;2} or {@code SIP/1001-00000003} → {@code 1001}. */
    static String extensionOf(String channel) {
        int slash = channel.indexOf('/');
        String rest = slash < 0 ? channel : channel.substring(slash + 1);
        int end = 0;
        while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end);
    }
}
