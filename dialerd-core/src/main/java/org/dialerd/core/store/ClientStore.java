package org.dialerd.core.store;

import java.util.Optional;

/** {@code eccp_authorized_clients}: the ECCP client accounts. */
public interface ClientStore {
    /** The stored lowercase MD5 of the account's password. */
    Optional<String> md5PasswordOf(String username);
}
