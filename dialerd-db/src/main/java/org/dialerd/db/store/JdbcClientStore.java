package org.dialerd.db.store;

import java.util.Optional;
import org.dialerd.core.store.ClientStore;

/** {@code eccp_authorized_clients}. */
public final class JdbcClientStore implements ClientStore {
    private final Jdbc jdbc;

    public JdbcClientStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> md5PasswordOf(String username) {
        return jdbc.first("SELECT md5_password FROM eccp_authorized_clients WHERE username = ? ORDER BY id",
                row -> row.getString(1), username);
    }

    /** A row in dialerd_supervisor for an account that also exists in eccp_authorized_clients. */
    @Override
    public boolean isSupervisor(String username) {
        return jdbc.first("SELECT 1 FROM dialerd_supervisor s JOIN eccp_authorized_clients c ON c.username = s.username "
                + "WHERE s.username = ? LIMIT 1", row -> row.getInt(1), username).isPresent();
    }
}
