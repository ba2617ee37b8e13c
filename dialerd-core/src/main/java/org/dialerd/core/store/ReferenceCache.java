package org.dialerd.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents and breaks read through to the database and remembered: while the database is down
 * the last rows read answer instead, so agent actions that need no fresh read (pause, unpause,
 * hold, hangup, transfer: they authenticate the agent and look up the break) keep working
 * during an outage. The web UI's edits are seen at the next successful read.
 */
public final class ReferenceCache implements AgentStore, BreakStore {
    private static final Logger log = LoggerFactory.getLogger(ReferenceCache.class);

    private final AgentStore agents;
    private final BreakStore breaks;
    private final Map<String, Agent> agentsByChannel = new HashMap<>();
    private List<Agent> allAgents;
    private final Map<Character, List<Break>> breaksByTipo = new HashMap<>();
    private boolean warned;

    public ReferenceCache(AgentStore agents, BreakStore breaks) {
        this.agents = agents;
        this.breaks = breaks;
    }

    /** The stores with agents and breaks read through this cache. */
    public static Stores over(Stores stores) {
        ReferenceCache cache = new ReferenceCache(stores.agents(), stores.breaks());
        return new Stores(stores.clients(), cache, cache, stores.campaigns(), stores.calls(), stores.reports(),
                stores.settings(), stores.audit(), stores.incomingCalls(), stores.campaignStatus(),
                stores.outgoingCalls(), stores.schedules(), stores.recordings());
    }

    @Override
    public List<Agent> findAll() {
        return read("agents", () -> {
            List<Agent> fresh = agents.findAll();
            synchronized (this) {
                allAgents = List.copyOf(fresh);
                fresh.forEach(a -> agentsByChannel.put(a.channel(), a));
            }
            return fresh;
        }, () -> Optional.ofNullable(allAgents));
    }

    @Override
    public Optional<Agent> findByChannel(String type, String number) {
        return read("agent " + type + "/" + number, () -> {
            Optional<Agent> fresh = agents.findByChannel(type, number);
            synchronized (this) {
                fresh.ifPresent(a -> agentsByChannel.put(a.channel(), a));
            }
            return fresh;
        }, () -> Optional.ofNullable(agentsByChannel.get(type + "/" + number)).map(Optional::of));
    }

    @Override
    public List<Break> findByTipo(char tipo) {
        return read("breaks", () -> {
            List<Break> fresh = breaks.findByTipo(tipo);
            synchronized (this) {
                breaksByTipo.put(tipo, new ArrayList<>(fresh));
            }
            return fresh;
        }, () -> Optional.ofNullable(breaksByTipo.get(tipo)).map(List::copyOf));
    }

    /** Fresh if the database answers; else the remembered value; else the database's failure. */
    private <T> T read(String what, Supplier<T> fresh, Supplier<Optional<T>> remembered) {
        try {
            T value = fresh.get();
            synchronized (this) {
                if (warned) {
                    warned = false;
                    log.info("agents and breaks read from the database again");
                }
            }
            return value;
        } catch (StoreException e) {
            Optional<T> known;
            synchronized (this) {
                known = remembered.get();
                if (known.isPresent() && !warned) {
                    warned = true;
                    log.warn("database unavailable ({}): agents and breaks answered from the last rows read",
                            e.getMessage());
                }
            }
            return known.orElseThrow(() -> e);
        }
    }
}
