package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.pbx.PbxEvent;

/**
 * The agents the engine tracks: their mutable state (engine thread only) and the immutable
 * {@link AgentView}s any thread reads without waiting, republished on every change. Which
 * queue member is which agent. Split out of {@link AgentEngine}.
 */
final class AgentRegistry {
    private final AgentEngineSettings settings;
    private final Map<String, AgentState> agents = new HashMap<>();
    private final Map<String, AgentView> views = new ConcurrentHashMap<>();

    AgentRegistry(AgentEngineSettings settings) {
        this.settings = settings;
    }

    // ---- reads (any thread) -----------------------------------------------------------

    Optional<AgentView> view(String agentNumber) {
        return Optional.ofNullable(views.get(agentNumber));
    }

    List<AgentView> views() {
        return List.copyOf(views.values());
    }

    // ---- engine thread ----------------------------------------------------------------

    /** Tracks exactly these agents; logged-in agents stay. */
    void track(List<Agent> list, LocalDateTime now) {
        Map<String, Agent> fresh = new HashMap<>();
        list.forEach(a -> fresh.put(a.channel(), a));
        agents.keySet().removeIf(number -> {
            boolean gone = !fresh.containsKey(number) && !agents.get(number).loggedIn;
            if (gone) {
                views.remove(number);
            }
            return gone;
        });
        fresh.forEach((number, agent) -> {
            AgentState state = agents.computeIfAbsent(number, n -> new AgentState(agent));
            state.agent = agent;
            if (agent.type().isStatic()) {
                state.memberInterface = settings.staticInterfaceOf(agent.number());
            }
            publish(state, now);
        });
    }

    AgentState state(Agent agent) {
        AgentState state = agents.computeIfAbsent(agent.channel(), n -> new AgentState(agent));
        if (agent.type().isStatic() && state.memberInterface == null) {
            state.memberInterface = settings.staticInterfaceOf(agent.number());
        }
        return state;
    }

    Optional<AgentState> stateByNumber(String agentNumber) {
        return Optional.ofNullable(agents.get(agentNumber));
    }

    Iterable<AgentState> states() {
        return agents.values();
    }

    /** The tracked agent that is this queue member interface, logged in. */
    Optional<AgentState> memberAgent(String iface) {
        PbxEvent.QueueMember probe = new PbxEvent.QueueMember("", "", iface, "", "", 0, 0, 0, false, "", false);
        for (AgentState state : agents.values()) {
            if (state.loggedIn && isMember(state, probe)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** Whether this queue member is the agent (static: its pool interface; dynamic: its login interface). */
    boolean isMember(AgentState state, PbxEvent.QueueMember member) {
        if (state.agent.type().isStatic()) {
            String number = state.agent.number();
            return member.iface().equals(settings.staticInterfaceOf(number))
                    || member.stateInterface().equals(settings.staticStateInterfaceOf(number))
                    || member.iface().equals(state.number());
        }
        return state.memberInterface != null && member.iface().equals(state.memberInterface);
    }

    void publish(AgentState state, LocalDateTime now) {
        state.noteState(now);
        views.put(state.number(), state.view());
    }
}
