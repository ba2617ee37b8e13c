package org.dialerd.core.store;

import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;

/** The {@code agent} table. */
public interface AgentStore {
    /** Every agent, active or not, ordered by id. Rows of unknown type are skipped. */
    List<Agent> findAll();

    /**
     * Every agent read from the database now, past any cache: refreshagents is how the web UI says
     * it has just changed the table.
     */
    default List<Agent> findAllNow() {
        return findAll();
    }

    /** The agent named {@code type/number}, read from the database now. */
    Optional<Agent> findByChannel(String type, String number);
}
