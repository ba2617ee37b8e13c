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
}
