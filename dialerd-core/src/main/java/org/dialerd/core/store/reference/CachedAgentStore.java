package org.dialerd.core.store.reference;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.AgentStore;

/**
 * Agents answered from {@link ReferenceData} (fresh within a refresh of a web UI edit), from the
 * store behind it while the table is not in memory.
 */
public final class CachedAgentStore implements AgentStore {
    private static final Set<ReferenceTable> AGENTS = Set.of(ReferenceTable.AGENT);

    private final ReferenceData data;
    private final AgentStore database;

    public CachedAgentStore(ReferenceData data, AgentStore database) {
        this.data = data;
        this.database = database;
    }

    @Override
    public List<Agent> findAll() {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(AGENTS);
        return snapshot.isPresent() ? snapshot.get().agents() : database.findAll();
    }

    @Override
    public List<Agent> findAllNow() {
        return database.findAllNow();
    }

    @Override
    public Optional<Agent> findByChannel(String type, String number) {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(AGENTS);
        // A miss reads the database: an agent added in the web UI a moment ago is found at once.
        Optional<Agent> known = snapshot.flatMap(s -> s.agent(type, number));
        return known.isPresent() ? known : database.findByChannel(type, number);
    }
}
