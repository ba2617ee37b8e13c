package org.dialerd.core.store;

import java.util.Optional;

/** {@code eccp_authorized_clients}: the ECCP client accounts. */
public interface ClientStore {
    /** The stored lowercase MD5 of the account's password. */
    Optional<String> md5PasswordOf(String username);

    /**
     * Whether the account may listen to, whisper to and barge into agents' calls
     * ({@code dialerd_supervisor}). Read at each request, so granting and revoking take effect at once.
     */
    default boolean isSupervisor(String username) {
        return false;
    }
}
