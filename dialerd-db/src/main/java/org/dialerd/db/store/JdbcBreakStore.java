package org.dialerd.db.store;

import java.util.List;
import org.dialerd.core.store.BreakStore;

/** The {@code break} table. */
public final class JdbcBreakStore implements BreakStore {
    private final Jdbc jdbc;

    public JdbcBreakStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Break> findByTipo(char tipo) {
        return jdbc.list("SELECT id, name, description, status, tipo FROM break WHERE tipo = ? ORDER BY id",
                row -> new Break(row.getInt("id"), row.getString("name"), row.getString("description"),
                        "A".equals(row.getString("status")), row.getString("tipo").charAt(0)),
                String.valueOf(tipo));
    }
}
