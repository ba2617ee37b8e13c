package org.dialerd.core.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents the daemon tracks, as loaded from the {@code agent} table at start and on
 * {@code refreshagents}. Inactive agents are tracked too (the reference answers
 * {@code offline} for them). Reads are lock-free: a refresh swaps an immutable snapshot.
 */
public final class AgentDirectory {
    private volatile Map<String, Agent> byChannel = Map.of();

    public void replaceAll(List<Agent> agents) {
        Map<String, Agent> next = new HashMap<>();
        for (Agent agent : agents) {
            next.put(agent.channel(), agent);
        }
        byChannel = Map.copyOf(next);
    }

    public Optional<Agent> find(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /** Tracked and active. */
    public Optional<Agent> findActive(String channel) {
        return find(channel).filter(Agent::active);
    }

    public List<Agent> all() {
        return List.copyOf(byChannel.values());
    }

    public int size() {
        return byChannel.size();
    }
}
