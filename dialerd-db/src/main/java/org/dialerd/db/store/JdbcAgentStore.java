package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.store.AgentStore;

/** The {@code agent} table. */
public final class JdbcAgentStore implements AgentStore {
    private static final String COLUMNS = "SELECT id, type, number, name, estatus, eccp_password FROM agent";

    private final Jdbc jdbc;

    public JdbcAgentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Agent> findAll() {
        return jdbc.list(COLUMNS + " ORDER BY id", JdbcAgentStore::map).stream()
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<Agent> findByChannel(String type, String number) {
        return jdbc.list(COLUMNS + " WHERE type = ? AND number = ? ORDER BY id", JdbcAgentStore::map, type, number)
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Agent> map(ResultSet row) throws SQLException {
        Optional<AgentType> type = AgentType.fromWireName(row.getString("type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Agent(row.getInt("id"), type.get(), row.getString("number"), row.getString("name"),
                "A".equals(row.getString("estatus")), Optional.ofNullable(row.getString("eccp_password"))));
    }
}
